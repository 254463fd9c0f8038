import JSON
import LodestarCore
import Testing

/// Warnings name exactly the rules that can be shown never to fire.
@Suite struct RuleReachabilityTests {
    static func warnings(_ conditions: [JSONValue]) throws -> [String] {
        let rules = conditions.enumerated().map { RuleFixtures.rule("r\($0.offset)", $0.element) }
        return try RuleFixtures.ruleset(rules).warnings.map(\.description)
    }

    static let firstBy = "never fires: every contact it matches is matched first by"

    @Test func afterARuleThatMatchesEveryone() throws {
        #expect(try Self.warnings([c("age", "lt", 18), ["all": []], c("risk_level", "eq", "high")]) == [
            "rules[2]: never fires: rules[1] (r1) before it matches every contact",
            "rules[3]: never fires: rules[1] (r1) before it matches every contact",
        ])
        #expect(try Self.warnings([["not": ["any": []]]]) == ["rules[1]: never fires: rules[0] (r0) before it matches every contact"])
    }

    @Test func conditionThatNeverHolds() throws {
        #expect(try Self.warnings([["all": [c("age", "lt", 18), c("age", "gt", 30)]]]) ==
            ["rules[0]: never fires: its condition holds for no contact"])
        #expect(try Self.warnings([["any": []]]) == ["rules[0]: never fires: its condition holds for no contact"])
        #expect(try Self.warnings([c("risk_level", "lt", "none")]) == ["rules[0]: never fires: its condition holds for no contact"])
        #expect(try Self.warnings([["all": [c("age", "exists", false), c("age", "ne", 3)]]]) ==
            ["rules[0]: never fires: its condition holds for no contact"])
    }

    @Test(arguments: [
        // Same condition twice.
        [c("risk_level", "eq", "high"), c("risk_level", "eq", "high")],
        // An earlier, weaker condition.
        [c("risk_level", "gte", "high"), c("risk_level", "eq", "imminent")],
        [c("risk_level", "gte", "high"), ["all": [c("risk_level", "eq", "imminent"), c("age", "lt", 18)]]],
        [["any": [c("age", "lt", 18), c("flags", "contains", "youth")]], ["all": [c("age", "lt", 16), c("risk_level", "eq", "high")]]],
        [c("age", "exists"), c("age", "lt", 18)],
        [c("flags", "exists"), c("flags", "contains", "youth")],
        [c("region", "in", ["north", "south"]), c("region", "eq", "north")],
        [c("region", "ne", "north"), c("region", "eq", "south")],
        [c("channel", "ne", "call"), c("channel", "in", ["text", "chat"])],
        [c("hour_of_day", "lt", 6), c("hour_of_day", "in", [0, 1, 5])],
        [c("day_of_week", "gte", 6), c("day_of_week", "eq", 7)],
        // The same meaning written another way.
        [["not": c("age", "exists")], c("age", "exists", false)],
        [c("language", "eq", "es-us"), c("language", "eq", "ES-US")],
        [["not": ["all": [c("age", "exists"), c("risk_level", "exists")]]], ["not": c("age", "exists")]],
    ] as [[JSONValue]])
    func shadowedByOneEarlierRule(_ conditions: [JSONValue]) throws {
        #expect(try Self.warnings(conditions) == ["rules[1]: \(Self.firstBy) rules[0] (r0)"])
    }

    @Test func shadowedByTheRulesBeforeItTogether() throws {
        #expect(try Self.warnings([c("age", "lte", 40), c("age", "gt", 40), c("age", "exists")]) ==
            ["rules[2]: \(Self.firstBy) one of the rules before it"])
        #expect(try Self.warnings([c("channel", "eq", "call"), c("age", "lt", 18), ["all": [c("channel", "ne", "call"), c("age", "lt", 12)]]]) ==
            ["rules[2]: \(Self.firstBy) rules[1] (r1)"])
    }

    /// A routed contact always has a risk level, consent, region type, hour and day: rules that
    /// cover those between them leave nothing for the rules after them.
    @Test func factsEveryRoutedContactHas() throws {
        let onePrevious = "rules[2]: \(Self.firstBy) one of the rules before it"
        #expect(try Self.warnings([c("risk_level", "gte", "high"), c("risk_level", "lte", "moderate"), c("channel", "eq", "call")]) ==
            [onePrevious, "rules[3]: \(Self.firstBy) one of the rules before it"])
        #expect(try Self.warnings([c("risk_level", "exists"), c("age", "lt", 18)]) == [
            "rules[1]: never fires: rules[0] (r0) before it matches every contact",
            "rules[2]: never fires: rules[0] (r0) before it matches every contact",
        ])
        #expect(try Self.warnings([c("hour_of_day", "exists", false)]) == ["rules[0]: never fires: its condition holds for no contact"])
        #expect(try Self.warnings([c("risk_level", "ne", "high"), ["not": c("risk_level", "eq", "high")]]) ==
            ["rules[1]: \(Self.firstBy) rules[0] (r0)"])
        // Consent is true or false: the two rules leave the default nothing.
        #expect(try Self.warnings([["any": [c("consent_follow_up", "eq", true), c("day_of_week", "lte", 5)]], c("consent_follow_up", "eq", false)]) ==
            ["rules[2]: \(Self.firstBy) one of the rules before it"])
        #expect(try Self.warnings([c("consent_follow_up", "eq", true), c("day_of_week", "gte", 6)]) == [])
    }

    /// Rules that do fire for some contact are never warned about.
    @Test(arguments: [
        // A later, weaker condition.
        [c("risk_level", "eq", "imminent"), c("risk_level", "gte", "high")],
        // `ne` does not hold for a lacking fact; `not eq` does.
        [c("age", "ne", 18), ["not": c("age", "eq", 18)]],
        [c("region", "ne", "north"), c("region", "exists")],
        [c("age", "lt", 18), c("age", "exists")],
        [c("flags", "contains", "youth"), c("flags", "exists")],
        [c("age", "lt", 18), ["any": [c("age", "lt", 18), c("flags", "contains", "youth")]]],
        [c("language", "eq", "es"), c("language", "eq", "es-US")],
        [c("hour_of_day", "lt", 6), c("hour_of_day", "lte", 6)],
        [c("age", "eq", 30), c("age", "ne", 30)],
    ] as [[JSONValue]])
    func reachableRules(_ conditions: [JSONValue]) throws {
        #expect(try Self.warnings(conditions) == [])
    }

    @Test func warningsDoNotInvalidate() throws {
        let ruleset = try RuleFixtures.ruleset([RuleFixtures.rule("a", ["all": []]), RuleFixtures.rule("b", c("age", "lt", 18))])
        #expect(ruleset.warnings.map { $0.path } == ["rules[1]", "rules[2]"])
        #expect(ruleset.compiled().decide(RoutingFacts(age: 3)).ruleID == "a")
    }
}
