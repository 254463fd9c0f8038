import ArgumentParser
import JSON
import LodestarCore
import Loop

/// `lodestar-bench rules`: routing decisions per second, in process on one core.
struct RulesCommand: BenchCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Decide generated contacts against a generated --rules-rule table, one after another on one thread.",
        discussion: "Each decision encodes the contact's facts and tries rules until one fires, as routing an assessment does.")

    @Option(help: "Seconds to measure for.")
    var seconds: Double = 5

    @Option(help: "Rules in the table, the default rule included (at least 4).")
    var rules = 50

    @Option(help: "Distinct contacts, decided in turn.")
    var contacts = 4096

    func validate() throws {
        guard seconds > 0, rules >= 4, contacts > 0 else {
            throw ValidationError("--seconds and --contacts must be positive and --rules at least 4")
        }
    }

    @LoopActor
    func runOnLoop() async throws {
        let ruleset = try Ruleset(validating: RuleBenchTable.document(rules: rules)).compiled()
        let facts = RuleBenchTable.contacts(contacts)
        let triedPerDecision = Double(facts.reduce(0) { $0 + ruleset.explain($1).trials.count }) / Double(facts.count)
        let clock = ContinuousClock()
        var dispatches = 0
        var decisions = 0
        // The first pass warms caches and branch predictors; the rest are measured.
        for contact in facts where ruleset.decide(contact).action == .dispatchMobileTeam { dispatches += 1 }
        let start = clock.now
        let deadline = start + .seconds(seconds)
        while clock.now < deadline {
            for contact in facts where ruleset.decide(contact).action == .dispatchMobileTeam { dispatches += 1 }
            decisions += facts.count
        }
        let elapsed = clock.now - start
        let elapsedSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("rules rules=\(rules) contacts=\(contacts) decisions=\(decisions) seconds=\(Int(elapsedSeconds.rounded()))"
            + " per_second=\(Int((Double(decisions) / elapsedSeconds).rounded()))"
            + " ns_per_decision=\(Int((elapsedSeconds * 1e9 / Double(decisions)).rounded()))"
            + " rules_tried_mean=\(Double(Int(triedPerDecision * 10)) / 10) dispatches=\(dispatches)")
    }
}
