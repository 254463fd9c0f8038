import Foundation
import JSON
import LodestarCore
import Testing

@Suite struct DefaultRulesetTests {
    /// The embedded text is `rules/default.json`, byte for byte: edit the file, then paste it.
    @Test func embeddedTextIsTheFile() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = try String(contentsOf: root.appendingPathComponent("rules/default.json"), encoding: .utf8)
        #expect(Ruleset.defaultText == file)
    }

    @Test func validatesWithoutWarnings() throws {
        let ruleset = try Ruleset(validating: JSON.parse(Ruleset.defaultText))
        #expect(ruleset.warnings == [])
        #expect(ruleset.ruleIDs == Ruleset.default.ruleIDs)
        #expect(ruleset.dispatch == DispatchSettings(autoAssign: true, maxETAMinutes: nil))
    }

    static let hours4 = ISODuration(seconds: 4 * 3600)
    static let hours24 = ISODuration(seconds: 24 * 3600)

    @Test(arguments: [
        (RoutingFacts(age: 15, riskLevel: .imminent), RuleDecision(ruleID: "imminent", action: .emergency911, priority: .emergent, followUp: hours4)),
        (RoutingFacts(age: 15, riskLevel: .high), RuleDecision(ruleID: "high-youth", action: .dispatchMobileTeam, priority: .urgent,
                                                                requires: ["youth"], followUp: hours24)),
        (RoutingFacts(riskLevel: .high, flags: [.youth]), RuleDecision(ruleID: "high-youth", action: .dispatchMobileTeam, priority: .urgent,
                                                                        requires: ["youth"], followUp: hours24)),
        (RoutingFacts(age: 18, riskLevel: .high), RuleDecision(ruleID: "high", action: .dispatchMobileTeam, priority: .urgent, followUp: hours24)),
        (RoutingFacts(riskLevel: .high), RuleDecision(ruleID: "high", action: .dispatchMobileTeam, priority: .urgent, followUp: hours24)),
        (RoutingFacts(riskLevel: .moderate), RuleDecision(ruleID: "moderate", action: .resolveByPhone, priority: .routine, followUp: hours24)),
        (RoutingFacts(age: 12, riskLevel: .low), RuleDecision(ruleID: "default", action: .resolveByPhone, priority: .routine)),
        (RoutingFacts(riskLevel: RiskLevel.none), RuleDecision(ruleID: "default", action: .resolveByPhone, priority: .routine)),
        (RoutingFacts(), RuleDecision(ruleID: "default", action: .resolveByPhone, priority: .routine)),
    ])
    func decides(_ facts: RoutingFacts, _ decision: RuleDecision) {
        #expect(Ruleset.default.compiled().decide(facts) == decision)
    }
}
