import JSON

/// Lays conditions out as `ConditionNode`s: each composite's operands in consecutive places,
/// reserved before they are filled, so evaluation walks an array without pointers.
struct ConditionTree {
    let domains: FactDomains
    private(set) var nodes: [ConditionNode] = []
    private(set) var words: [UInt64] = []
    private(set) var sources: [JSONValue] = []

    init(domains: FactDomains) {
        self.domains = domains
    }

    /// Adds a condition; returns its node's index.
    mutating func add(_ condition: RuleCondition) -> Int {
        let index = reserve(1)
        fill(index, with: condition)
        return index
    }

    private mutating func reserve(_ count: Int) -> Int {
        let first = nodes.count
        nodes += repeatElement(.all(first: 0, count: 0), count: count)
        sources += repeatElement(.null, count: count)
        return first
    }

    private mutating func fill(_ index: Int, with condition: RuleCondition) {
        sources[index] = condition.source
        switch condition.form {
        case .test(let test):
            let codes = domains.codes(where: test)
            if codes.words.count == 1 {
                nodes[index] = .mask(slot: FactCodes.slot(test.fact), codes.words[0])
            } else {
                nodes[index] = .words(slot: FactCodes.slot(test.fact), offset: words.count)
                words += codes.words
            }
        case .not(let operand):
            let child = reserve(1)
            nodes[index] = .not(child)
            fill(child, with: operand)
        case .all(let operands), .any(let operands):
            let first = reserve(operands.count)
            if case .all = condition.form {
                nodes[index] = .all(first: first, count: operands.count)
            } else {
                nodes[index] = .any(first: first, count: operands.count)
            }
            for (offset, operand) in operands.enumerated() { fill(first + offset, with: operand) }
        }
    }
}
