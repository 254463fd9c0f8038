import JSON
import LodestarCore
import Testing

/// Every operator on every fact, through a one-rule ruleset: does the rule fire?
@Suite struct RuleOperatorTests {
    typealias F = RoutingFacts

    static func fires(_ when: JSONValue, _ facts: RoutingFacts) throws -> Bool {
        try RuleFixtures.compiled([RuleFixtures.rule("t", when)]).decide(facts).ruleID == "t"
    }

    static let cases: [(JSONValue, RoutingFacts, Bool)] = [
        (c("channel", "eq", "call"), F(channel: .call), true),
        (c("channel", "eq", "call"), F(channel: .text), false),
        (c("channel", "eq", "call"), F(), false),
        (c("channel", "ne", "call"), F(channel: .text), true),
        (c("channel", "ne", "call"), F(channel: .call), false),
        (c("channel", "ne", "call"), F(), false),
        (c("channel", "in", ["call", "chat"]), F(channel: .chat), true),
        (c("channel", "in", ["call", "chat"]), F(channel: .text), false),
        (c("channel", "in", ["call", "chat"]), F(), false),
        (c("channel", "not_in", ["call"]), F(channel: .text), true),
        (c("channel", "not_in", ["call"]), F(channel: .call), false),
        (c("channel", "not_in", ["call"]), F(), false),
        (c("channel", "exists"), F(channel: .call), true),
        (c("channel", "exists"), F(), false),
        (c("channel", "exists", true), F(channel: .chat), true),
        (c("channel", "exists", false), F(), true),
        (c("channel", "exists", false), F(channel: .call), false),

        (c("line", "eq", "988"), F(line: "988"), true),
        (c("line", "eq", "988"), F(line: "veterans"), false),
        (c("line", "eq", "988"), F(), false),
        (c("line", "ne", "988"), F(line: "veterans"), true),
        (c("line", "ne", "988"), F(line: "988"), false),
        (c("line", "ne", "988"), F(), false),
        (c("line", "in", ["988", "youth"]), F(line: "youth"), true),
        (c("line", "in", ["988", "youth"]), F(line: "spanish"), false),
        (c("line", "not_in", ["988"]), F(line: "spanish"), true),
        (c("line", "not_in", ["988"]), F(line: "988"), false),
        (c("line", "not_in", ["988"]), F(), false),
        (c("line", "exists"), F(line: "988"), true),
        (c("line", "exists"), F(), false),
        (c("region", "eq", "north"), F(region: "north"), true),
        (c("region", "eq", "north"), F(region: "North"), false),
        (c("region", "ne", "north"), F(region: "south"), true),
        (c("region", "in", ["north", "east"]), F(region: "east"), true),
        (c("region", "not_in", ["north", "east"]), F(region: "west"), true),
        (c("region", "exists", false), F(region: "west"), false),

        (c("region_type", "eq", "rural"), F(regionType: .rural), true),
        (c("region_type", "eq", "rural"), F(regionType: .urban), false),
        (c("region_type", "eq", "rural"), F(), false),
        (c("region_type", "ne", "urban"), F(regionType: .frontier), true),
        (c("region_type", "ne", "urban"), F(), false),
        (c("region_type", "in", ["rural", "frontier"]), F(regionType: .frontier), true),
        (c("region_type", "not_in", ["rural", "frontier"]), F(regionType: .urban), true),
        (c("region_type", "exists"), F(regionType: .urban), true),

        (c("language", "eq", "es-US"), F(language: "es-US"), true),
        (c("language", "eq", "ES-us"), F(language: "es-US"), true),
        (c("language", "eq", "es"), F(language: "es-US"), false),
        (c("language", "ne", "en"), F(language: "es"), true),
        (c("language", "ne", "en"), F(), false),
        (c("language", "in", ["es", "es-US", "es-MX"]), F(language: "es-MX"), true),
        (c("language", "not_in", ["en"]), F(language: "vi"), true),
        (c("language", "not_in", ["en"]), F(language: "en"), false),
        (c("language", "exists"), F(language: "en"), true),

        (c("age", "eq", 18), F(age: 18), true),
        (c("age", "eq", 18), F(age: 17), false),
        (c("age", "ne", 18), F(age: 17), true),
        (c("age", "ne", 18), F(age: 18), false),
        (c("age", "ne", 18), F(), false),
        (c("age", "lt", 18), F(age: 17), true),
        (c("age", "lt", 18), F(age: 18), false),
        (c("age", "lt", 18), F(), false),
        (c("age", "lte", 18), F(age: 18), true),
        (c("age", "lte", 18), F(age: 19), false),
        (c("age", "gt", 64), F(age: 65), true),
        (c("age", "gt", 64), F(age: 64), false),
        (c("age", "gte", 65), F(age: 65), true),
        (c("age", "gte", 65), F(age: 64), false),
        (c("age", "gte", 0), F(age: 0), true),
        (c("age", "lte", 130), F(age: 130), true),
        (c("age", "in", [15, 16]), F(age: 16), true),
        (c("age", "in", [15, 16]), F(age: 17), false),
        (c("age", "not_in", [15]), F(age: 16), true),
        (c("age", "not_in", [15]), F(), false),
        (c("age", "exists"), F(age: 0), true),
        (c("age", "exists"), F(), false),
        // Out of range counts as lacking the fact.
        (c("age", "exists"), F(age: 131), false),
        (c("age", "gt", 64), F(age: 200), false),
        (c("age", "exists", false), F(age: -1), true),

        (c("flags", "contains", "youth"), F(flags: [.youth, .veteran]), true),
        (c("flags", "contains", "youth"), F(flags: [.veteran]), false),
        (c("flags", "contains", "youth"), F(), false),
        (c("flags", "contains", "third_party"), F(flags: [.suicidalIdeation, .thirdParty]), true),
        (c("flags", "exists"), F(flags: [.veteran]), true),
        (c("flags", "exists"), F(), false),
        (c("flags", "exists", false), F(), true),
        (c("flags", "exists", false), F(flags: [.youth]), false),

        (c("consent_follow_up", "eq", true), F(consentFollowUp: true), true),
        (c("consent_follow_up", "eq", true), F(consentFollowUp: false), false),
        (c("consent_follow_up", "eq", true), F(), false),
        (c("consent_follow_up", "eq", false), F(consentFollowUp: false), true),
        (c("consent_follow_up", "ne", true), F(consentFollowUp: false), true),
        (c("consent_follow_up", "ne", true), F(), false),
        (c("consent_follow_up", "exists"), F(consentFollowUp: false), true),
        (c("consent_follow_up", "exists"), F(), false),

        (c("hour_of_day", "lt", 6), F(hourOfDay: 5), true),
        (c("hour_of_day", "lt", 6), F(hourOfDay: 6), false),
        (c("hour_of_day", "lt", 6), F(), false),
        (c("hour_of_day", "gte", 22), F(hourOfDay: 23), true),
        (c("hour_of_day", "gt", 22), F(hourOfDay: 22), false),
        (c("hour_of_day", "lte", 0), F(hourOfDay: 0), true),
        (c("hour_of_day", "eq", 0), F(hourOfDay: 0), true),
        (c("hour_of_day", "ne", 0), F(hourOfDay: 12), true),
        (c("hour_of_day", "in", [0, 1, 2]), F(hourOfDay: 1), true),
        (c("hour_of_day", "not_in", [0, 1, 2]), F(hourOfDay: 1), false),
        (c("hour_of_day", "exists"), F(hourOfDay: 24), false),

        (c("day_of_week", "eq", 1), F(dayOfWeek: 1), true),
        (c("day_of_week", "eq", 1), F(dayOfWeek: 7), false),
        (c("day_of_week", "gte", 6), F(dayOfWeek: 6), true),
        (c("day_of_week", "gte", 6), F(dayOfWeek: 7), true),
        (c("day_of_week", "gte", 6), F(dayOfWeek: 5), false),
        (c("day_of_week", "lt", 2), F(dayOfWeek: 1), true),
        (c("day_of_week", "lte", 5), F(dayOfWeek: 5), true),
        (c("day_of_week", "gt", 5), F(dayOfWeek: 5), false),
        (c("day_of_week", "in", [6, 7]), F(dayOfWeek: 7), true),
        (c("day_of_week", "not_in", [6, 7]), F(dayOfWeek: 3), true),
        (c("day_of_week", "ne", 7), F(), false),
        (c("day_of_week", "exists"), F(dayOfWeek: 0), false),

        (["not": c("age", "lt", 18)], F(), true),
        (["not": c("age", "lt", 18)], F(age: 17), false),
        (["not": c("age", "lt", 18)], F(age: 18), true),
        (["all": []], F(), true),
        (["any": []], F(), false),
        (["all": [c("risk_level", "gte", "high"), c("age", "lt", 18)]], F(age: 15, riskLevel: .high), true),
        (["all": [c("risk_level", "gte", "high"), c("age", "lt", 18)]], F(riskLevel: .high), false),
        (["any": [c("age", "lt", 18), c("flags", "contains", "youth")]], F(flags: [.youth]), true),
        (["any": [c("age", "lt", 18), c("flags", "contains", "youth")]], F(age: 30), false),
        (["not": ["any": [c("channel", "eq", "text"), ["not": c("line", "exists")]]]], F(channel: .call, line: "988"), true),
    ]

    @Test(arguments: cases)
    func operatorOnFact(_ when: JSONValue, _ facts: RoutingFacts, _ expected: Bool) throws {
        #expect(try Self.fires(when, facts) == expected)
    }

    /// `risk_level` is ordered none < low < moderate < high < imminent under every comparison.
    @Test(arguments: ["eq", "ne", "lt", "lte", "gt", "gte"])
    func riskLevelsCompareInOrder(_ op: String) throws {
        for named in RiskLevel.allCases {
            let ruleset = try RuleFixtures.compiled([RuleFixtures.rule("t", c("risk_level", op, .string(named.rawValue)))])
            for level in RiskLevel.allCases {
                let expected = switch op {
                case "eq": level == named
                case "ne": level != named
                case "lt": level < named
                case "lte": level <= named
                case "gt": level > named
                default: level >= named
                }
                #expect((ruleset.decide(RoutingFacts(riskLevel: level)).ruleID == "t") == expected, "\(level) \(op) \(named)")
            }
            #expect(ruleset.decide(RoutingFacts()).ruleID == "default", "no risk level: \(op) \(named)")
        }
    }
}
