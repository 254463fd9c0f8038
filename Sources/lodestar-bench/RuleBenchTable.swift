import JSON
import LodestarCore

/// The routing table and contacts `lodestar-bench rules` decides: shaped like a county's
/// table (risk tiers, then per-region and per-time rules on several facts, then a default),
/// with contacts spread so that decisions come from every part of it.
enum RuleBenchTable {
    static let regions = (0..<16).map { "region-\($0)" }

    static func document(rules count: Int) -> JSONValue {
        func fact(_ name: String, _ op: String, _ value: JSONValue) -> JSONValue {
            ["fact": .string(name), "op": .string(op), "value": value]
        }
        var rules: [JSONValue] = [
            ["id": "imminent", "when": fact("risk_level", "eq", "imminent"),
             "then": ["action": "emergency_911", "follow_up": "PT4H"]],
            ["id": "attempt", "when": fact("flags", "contains", "attempt_in_progress"), "then": ["action": "emergency_911"]],
        ]
        for index in 0..<(count - 4) {
            let region = JSONValue.string(regions[index % regions.count])
            let conditions: [JSONValue] = [
                fact("region", "eq", region),
                fact("risk_level", "gte", index % 2 == 0 ? "moderate" : "high"),
                ["any": [fact("hour_of_day", "lt", .int(Int64(5 + index % 4))), fact("day_of_week", "gte", 6)]],
                index % 3 == 0 ? fact("language", "in", ["es", "es-US"]) : ["not": fact("age", "lt", 18)],
            ]
            rules.append(["id": .string("local-\(index)"), "when": ["all": .array(conditions)],
                          "then": ["action": index % 2 == 0 ? "resolve_by_phone" : "dispatch_mobile_team", "follow_up": "PT24H"]])
        }
        rules.append(["id": "high", "when": fact("risk_level", "eq", "high"), "then": ["action": "dispatch_mobile_team"]])
        rules.append(["id": "default", "when": ["all": []], "then": ["action": "resolve_by_phone"]])
        return ["name": "bench", "rules": .array(rules)]
    }

    /// `count` contacts from a fixed seed, so every run decides the same ones.
    static func contacts(_ count: Int) -> [RoutingFacts] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            // SplitMix64.
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((mixed ^ (mixed >> 31)) % UInt64(bound))
        }
        let risks: [RiskLevel] = [.none, .low, .low, .moderate, .moderate, .moderate, .high, .high, .imminent]
        let languages = ["en", "en", "en", "es", "es-US", "vi"]
        return (0..<count).map { index in
            RoutingFacts(contactID: "contact-\(index)", channel: [.call, .text, .chat][next(3)], line: "988",
                         region: regions[next(regions.count)], regionType: .urban, language: languages[next(languages.count)],
                         age: next(5) == 0 ? nil : 10 + next(70), riskLevel: risks[next(risks.count)],
                         flags: next(20) == 0 ? [.attemptInProgress] : next(4) == 0 ? [.youth] : [],
                         consentFollowUp: true, hourOfDay: next(24), dayOfWeek: 1 + next(7))
        }
    }
}
