import JSON
import LodestarCore
import Testing

@Suite struct RuleExplanationTests {
    static let youthHigh: JSONValue = ["all": [c("risk_level", "gte", "high"), ["any": [c("age", "lt", 18), c("flags", "contains", "youth")]]]]
    static let notNight: JSONValue = ["not": c("hour_of_day", "lt", 6)]

    static let ruleset = try! RuleFixtures.compiled([
        RuleFixtures.rule("imminent", c("risk_level", "eq", "imminent"), ["action": "emergency_911"]),
        RuleFixtures.rule("youth-high", youthHigh, ["action": "dispatch_mobile_team", "requires": ["youth"]]),
        RuleFixtures.rule("day", notNight),
        RuleFixtures.rule("spanish", ["all": [c("language", "eq", "es"), ["all": [c("channel", "eq", "chat"), c("age", "gt", 30)]]]]),
    ])

    /// Each rule tried up to the match, with the first condition that failed, as written.
    @Test func namesTheFirstConditionThatFailed() {
        let explanation = Self.ruleset.explain(RoutingFacts(language: "es", age: 40, riskLevel: .high, hourOfDay: 3))
        #expect(explanation.trials == [
            RuleTrial(ruleID: "imminent", matched: false, failed: c("risk_level", "eq", "imminent")),
            // An `any` none of whose parts held is itself the condition that failed.
            RuleTrial(ruleID: "youth-high", matched: false, failed: ["any": [c("age", "lt", 18), c("flags", "contains", "youth")]]),
            RuleTrial(ruleID: "day", matched: false, failed: Self.notNight),
            // Inside nested `all`s, the innermost failing comparison.
            RuleTrial(ruleID: "spanish", matched: false, failed: c("channel", "eq", "chat")),
            RuleTrial(ruleID: "default", matched: true),
        ])
        #expect(explanation.decision == RuleDecision(ruleID: "default", action: .resolveByPhone, priority: .routine))
    }

    @Test func stopsAtTheMatch() {
        let facts = RoutingFacts(age: 15, riskLevel: .high)
        let explanation = Self.ruleset.explain(facts)
        #expect(explanation.trials.map(\.ruleID) == ["imminent", "youth-high"])
        #expect(explanation.trials.map(\.matched) == [false, true])
        #expect(explanation.trials[1].failed == nil)
        #expect(explanation.decision == Self.ruleset.decide(facts))
    }

    /// A missing fact fails its comparison; the first failing part of an `all` is named.
    @Test func missingFactFails() {
        let explanation = Self.ruleset.explain(RoutingFacts(age: 15))
        #expect(explanation.trials[1].failed == c("risk_level", "gte", "high"))
        #expect(explanation.trials[2].matched) // no hour: `not (hour < 6)` holds
    }
}
