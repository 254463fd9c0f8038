import JSON

/// A ruleset compiled for deciding: every comparison a bit test on the contact's fact codes
/// (`FactDomains`), outcomes as ready decisions.
///
/// Conditions are held twice. `decide` runs them as a jump program (`DecisionProgram`): a
/// straight loop of bit tests, each naming the next test for either result. `explain`
/// needs to know which part of a condition failed, so it walks them as the tree the
/// document wrote (`nodes`). Both test the same code sets, and tests hold them to the same
/// answers.
///
/// Immutable and `Sendable`: compile once per activated version and share it.
public struct CompiledRuleset: Sendable {
    public let name: String
    public let dispatch: DispatchSettings
    let domains: FactDomains
    /// Every condition of every rule; an `all`/`any` node's operands are consecutive.
    let nodes: [ConditionNode]
    /// The code sets of comparisons on facts with more than 64 codes.
    let words: [UInt64]
    /// Each node's condition as written, for explanations.
    let sources: [JSONValue]
    let rules: [CompiledRule]
    /// The decision program and, for each rule, where its condition starts in it.
    let jumps: [Jump]
    let entries: [Int32]

    init(_ ruleset: Ruleset) {
        let domains = FactDomains(conditions: ruleset.rules.map { $0.when })
        var tree = ConditionTree(domains: domains)
        rules = ruleset.rules.map { rule in
            CompiledRule(id: rule.id, root: tree.add(rule.when), outcome: CompiledOutcome(rule))
        }
        var program = DecisionProgram(nodes: tree.nodes)
        entries = rules.map { program.add($0.root) }
        name = ruleset.name
        dispatch = ruleset.dispatch
        self.domains = domains
        nodes = tree.nodes
        words = tree.words
        sources = tree.sources
        jumps = program.jumps
    }
}

extension Ruleset {
    /// The ruleset in the form that decides.
    public func compiled() -> CompiledRuleset {
        CompiledRuleset(self)
    }
}

/// One node of a compiled condition.
enum ConditionNode: Sendable {
    /// The code at the slot (`FactCodes`) is a set bit of the mask (facts with at most 64 codes).
    case mask(slot: Int, UInt64)
    /// The code at the slot is a set bit of the words from this offset on.
    case words(slot: Int, offset: Int)
    case all(first: Int, count: Int)
    case any(first: Int, count: Int)
    case not(Int)
}

struct CompiledRule: Sendable {
    var id: String
    /// The condition's node.
    var root: Int
    var outcome: CompiledOutcome
}
