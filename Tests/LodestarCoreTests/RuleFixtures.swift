import JSON
import LodestarCore

/// Small builders for ruleset documents in tests.
enum RuleFixtures {
    /// The default rule tests append: matches everyone, resolves by phone.
    static let catchAll: JSONValue = ["id": "default", "when": ["all": []], "then": ["action": "resolve_by_phone"]]

    /// A comparison condition; `value` left out when `nil`.
    static func fact(_ fact: String, _ op: String, _ value: JSONValue? = nil) -> JSONValue {
        var object: JSONObject = ["fact": .string(fact), "op": .string(op)]
        if let value { object["value"] = value }
        return .object(object)
    }

    static func rule(_ id: String, _ when: JSONValue, _ then: JSONValue = ["action": "refer"]) -> JSONValue {
        ["id": .string(id), "when": when, "then": then]
    }

    /// A document of `rules`, with `catchAll` after them unless told otherwise.
    static func document(_ rules: [JSONValue], catchAll: Bool = true) -> JSONValue {
        ["name": "test", "rules": .array(catchAll ? rules + [Self.catchAll] : rules)]
    }

    static func ruleset(_ rules: [JSONValue], catchAll: Bool = true) throws -> Ruleset {
        try Ruleset(validating: document(rules, catchAll: catchAll))
    }

    static func compiled(_ rules: [JSONValue]) throws -> CompiledRuleset {
        try ruleset(rules).compiled()
    }
}

/// A comparison condition, as `RuleFixtures.fact` (short, for tables of conditions).
func c(_ fact: String, _ op: String, _ value: JSONValue? = nil) -> JSONValue {
    RuleFixtures.fact(fact, op, value)
}
