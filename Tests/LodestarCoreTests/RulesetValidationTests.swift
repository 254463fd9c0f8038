import JSON
import LodestarCore
import Testing

/// Each invalid document must yield exactly these issues (path, message).
@Suite struct RulesetValidationTests {
    /// A document whose first rule has this condition.
    static func when(_ condition: JSONValue) -> JSONValue {
        RuleFixtures.document([RuleFixtures.rule("a", condition)])
    }

    /// A document whose first rule has this outcome.
    static func then(_ outcome: JSONValue) -> JSONValue {
        RuleFixtures.document([RuleFixtures.rule("a", ["all": []], outcome)])
    }

    static func experiment(_ arms: JSONValue, id: JSONValue = "fu-timing") -> JSONValue {
        then(["experiment": ["id": id, "arms": arms]])
    }

    static func arm(_ name: String, _ weight: JSONValue, _ then: JSONValue = ["action": "refer"]) -> JSONValue {
        ["name": .string(name), "weight": weight, "then": then]
    }

    static let facts = "must be one of: channel, line, region, region_type, language, age, risk_level, flags, consent_follow_up, hour_of_day, day_of_week"
    static let ops = "must be one of: eq, ne, in, not_in, lt, lte, gt, gte, contains, exists"
    static let risks = "must be one of: none, low, moderate, high, imminent"
    static let actions = "must be one of: resolve_by_phone, dispatch_mobile_team, emergency_911, refer, transfer"
    static let forms = #"must be a condition: {"all": [...]}, {"any": [...]}, {"not": {...}} or {"fact", "op", "value"}"#
    static let catchAll = #"must match every contact, e.g. {"all": []}: the last rule is the default that every contact reaching it gets"#
    static let capability = "must be a capability name: a lowercase letter, then lowercase letters, digits, _ or -, at most 64"
    static let text = "must be a string of 1 to 200 characters without control characters"
    static let w = "rules[0].when"
    static let t = "rules[0].then"
    static let x = "rules[0].then.experiment"

    static let cases: [(document: JSONValue, issues: [(String, String)])] = [
        ([1], [("", "must be an object")]),
        ([:], [("name", "is required"), ("rules", "is required")]),
        (["name": "", "rules": []], [("name", "must not be empty"), ("rules", "must be an array of 1 to 1000 rules")]),
        (["name": "x", "rules": ["a": 1]], [("rules", "must be an array of 1 to 1000 rules")]),
        (["name": "x", "rules": .array(Array(repeating: RuleFixtures.catchAll, count: 1001))],
         [("rules", "must be an array of 1 to 1000 rules")]),
        (["name": "x", "rules": [RuleFixtures.catchAll], "version": 2], [("version", "is not a known field")]),
        (["name": "x", "rules": [RuleFixtures.catchAll], "dispatch": ["auto_assign": "yes", "max_eta_minutes": 0, "queue": 1]],
         [("dispatch.queue", "is not a known field"), ("dispatch.auto_assign", "must be true or false"),
          ("dispatch.max_eta_minutes", "must be an integer from 1 to 1440")]),
        (["name": "x", "rules": [RuleFixtures.catchAll], "dispatch": true], [("dispatch", "must be an object")]),

        (RuleFixtures.document([1]), [("rules[0]", "must be an object")]),
        (RuleFixtures.document([[:]]), [("rules[0].id", "is required"), ("rules[0].when", "is required"), ("rules[0].then", "is required")]),
        (RuleFixtures.document([["id": "a", "when": ["all": []], "then": ["action": "refer"], "priority": "urgent"]]),
         [("rules[0].priority", "is not a known field")]),
        (RuleFixtures.document([RuleFixtures.rule("a", ["all": []]), RuleFixtures.rule("b", ["all": []]), RuleFixtures.rule("a", ["all": []])]),
         [("rules[2].id", "repeats the id of rules[0]")]),
        (RuleFixtures.document([RuleFixtures.rule("a\u{7}", ["all": []])]), [("rules[0].id", "must not contain control characters")]),
        (RuleFixtures.document([RuleFixtures.rule("default", ["all": []])]), [("rules[1].id", "repeats the id of rules[0]")]),

        // Conditions.
        (RuleFixtures.document([RuleFixtures.rule("a", ["all": []]), RuleFixtures.rule("b", ["all": []]),
                                RuleFixtures.rule("c", ["all": [c("severity", "eq", "high")]])]),
         [("rules[2].when.all[0].fact", facts)]),
        (when(c("risk_level", "above", "high")), [("\(w).op", ops)]),
        (when(c("channel", "lt", "call")), [("\(w).op", "must be one of eq, ne, in, not_in, exists for the fact channel")]),
        (when(c("age", "contains", 3)), [("\(w).op", "must be one of eq, ne, in, not_in, lt, lte, gt, gte, exists for the fact age")]),
        (when(c("flags", "eq", "youth")), [("\(w).op", "must be one of contains, exists for the fact flags")]),
        (when(c("consent_follow_up", "gt", true)), [("\(w).op", "must be one of eq, ne, exists for the fact consent_follow_up")]),
        (when(["op": "eq"]), [("\(w).fact", "is required")]),
        (when(["fact": "age", "value": 3]), [("\(w).op", "is required")]),
        (when(c("age", "lt")), [("\(w).value", "is required")]),
        (when(c("age", "lt", .null)), [("\(w).value", "is required")]),
        (when(["fact": "age", "op": "lt", "value": 18, "note": "x"]), [("\(w).note", "is not a known field")]),
        (when(c("risk_level", "gte", "severe")), [("\(w).value", risks)]),
        (when(c("risk_level", "gte", 3)), [("\(w).value", risks)]),
        (when(c("channel", "eq", "fax")), [("\(w).value", "must be one of: call, text, chat")]),
        (when(c("region_type", "eq", "suburban")), [("\(w).value", "must be one of: urban, rural, frontier")]),
        (when(c("flags", "contains", "lonely")), [("\(w).value", "must be one of: suicidal_ideation, attempt_in_progress, means_access, violence_risk, substance_use, medical_emergency, youth, veteran, third_party")]),
        (when(c("hour_of_day", "lt", 24)), [("\(w).value", "must be an integer from 0 to 23")]),
        (when(c("hour_of_day", "gt", -1)), [("\(w).value", "must be an integer from 0 to 23")]),
        (when(c("day_of_week", "eq", 0)), [("\(w).value", "must be an integer from 1 (Monday) to 7 (Sunday)")]),
        (when(c("day_of_week", "eq", "monday")), [("\(w).value", "must be an integer from 1 (Monday) to 7 (Sunday)")]),
        (when(c("age", "lt", 17.5)), [("\(w).value", "must be an integer from 0 to 130")]),
        (when(c("age", "lt", "18")), [("\(w).value", "must be an integer from 0 to 130")]),
        (when(c("age", "lt", 131)), [("\(w).value", "must be an integer from 0 to 130")]),
        (when(c("consent_follow_up", "eq", "yes")), [("\(w).value", "must be true or false")]),
        (when(c("line", "eq", "")), [("\(w).value", text)]),
        (when(c("region", "eq", 5)), [("\(w).value", text)]),
        (when(c("language", "eq", "english!")), [("\(w).value", "must be a BCP 47 language tag, e.g. en or es-US")]),
        (when(c("channel", "in", "call")), [("\(w).value", "must be a non-empty array of values for channel")]),
        (when(c("channel", "not_in", [])), [("\(w).value", "must be a non-empty array of values for channel")]),
        (when(c("channel", "in", ["call", "fax"])), [("\(w).value[1]", "must be one of: call, text, chat")]),
        (when(c("age", "exists", "yes")), [("\(w).value", "must be true or false (or left out, meaning true)")]),
        (when("always"), [(w, forms)]),
        (when([:]), [(w, forms)]),
        (when(["all": [], "fact": "age"]), [(w, "must hold only one of all, any, not or fact/op/value")]),
        (when(["all": [], "any": []]), [(w, "must hold only one of all, any, not or fact/op/value")]),
        (when(["all": ["a": 1]]), [("\(w).all", "must be an array of conditions")]),
        (when(["any": .null]), [("\(w).any", "must be an array of conditions")]),
        (when(["not": .null]), [("\(w).not", forms)]),
        (when(["not": [c("age", "lt", 18)]]), [("\(w).not", forms)]),
        (when(["all": [c("age", "lt", 18), ["any": [c("age", "lt", "x"), c("mood", "eq", 1)]]]]),
         [("\(w).all[1].any[0].value", "must be an integer from 0 to 130"), ("\(w).all[1].any[1].fact", facts)]),

        // Outcomes.
        (then(["action": "send_police"]), [("\(t).action", actions)]),
        (then([:]), [("\(t).action", "is required")]),
        (then("refer"), [(t, "must be an object")]),
        (then(["action": "refer", "team": "t1"]), [("\(t).team", "is not a known field")]),
        (then(["action": "refer", "priority": "asap"]), [("\(t).priority", "must be one of: emergent, urgent, routine")]),
        (then(["action": "refer", "follow_up": "24h"]), [("\(t).follow_up", "must be an ISO 8601 duration, e.g. PT24H: must start with 'P', e.g. PT24H")]),
        (then(["action": "refer", "follow_up": "P1M"]), [("\(t).follow_up", "must be an ISO 8601 duration, e.g. PT24H: months are not supported (their length varies); use days")]),
        (then(["action": "refer", "follow_up": 24]), [("\(t).follow_up", "must be an ISO 8601 duration, e.g. PT24H")]),
        (then(["action": "refer", "follow_up": "PT0S"]), [("\(t).follow_up", "must be longer than zero and at most P365D")]),
        (then(["action": "refer", "follow_up": "P366D"]), [("\(t).follow_up", "must be longer than zero and at most P365D")]),
        (then(["action": "dispatch_mobile_team", "requires": "youth"]), [("\(t).requires", "must be an array of capability names")]),
        (then(["action": "dispatch_mobile_team", "requires": ["youth", "Spanish", "", 3, "a b"]]),
         [("\(t).requires[1]", capability), ("\(t).requires[2]", capability), ("\(t).requires[3]", capability), ("\(t).requires[4]", capability)]),
        (then(["action": "dispatch_mobile_team", "requires": [.string(String(repeating: "a", count: 65))]]), [("\(t).requires[0]", capability)]),
        (then(["action": "refer", "requires": ["youth"]]), [("\(t).requires", "applies only to the action dispatch_mobile_team")]),

        // Experiments.
        (then(["experiment": ["id": "e", "arms": [arm("a", 1)]], "action": "refer"]), [("\(t).action", "is not a known field")]),
        (then(["experiment": .null]), [("\(t).experiment", "is required")]),
        (then(["experiment": "e"]), [(x, "must be an object")]),
        (then(["experiment": ["arms": []]]), [("\(x).id", "is required"), ("\(x).arms", "must be a non-empty array of arms")]),
        (then(["experiment": ["id": "e"]]), [("\(x).arms", "must be a non-empty array of arms")]),
        (experiment([arm("a", 0), arm("b", -1), arm("c", 1.5), arm("d", "1")]),
         [("\(x).arms[0].weight", "must be an integer from 1 to 1000000"), ("\(x).arms[1].weight", "must be an integer from 1 to 1000000"),
          ("\(x).arms[2].weight", "must be an integer from 1 to 1000000"), ("\(x).arms[3].weight", "must be an integer from 1 to 1000000")]),
        (experiment([["weight": 1, "then": ["action": "refer"]]]), [("\(x).arms[0].name", "is required")]),
        (experiment([arm("a", 1), arm("b", 1), arm("a", 2)]), [("\(x).arms[2].name", "repeats the name of arms[0]")]),
        (experiment([arm("a", 1, ["action": "fly"])]), [("\(x).arms[0].then.action", actions)]),
        (experiment([["name": "a", "weight": 1]]), [("\(x).arms[0].then", "is required")]),
        (experiment([["name": "a", "weight": 1, "then": ["action": "refer"], "share": 0.5]]), [("\(x).arms[0].share", "is not a known field")]),
        (experiment(["a"]), [("\(x).arms[0]", "must be an object")]),
        (experiment([arm("a", 1, ["experiment": ["id": "inner", "arms": [arm("b", 1)]]])]),
         [("\(x).arms[0].then.experiment", "is not allowed here: experiments do not nest")]),
        (RuleFixtures.document([
            RuleFixtures.rule("a", c("age", "lt", 18), ["experiment": ["id": "e", "arms": [arm("x", 1), arm("y", 1)]]]),
            RuleFixtures.rule("b", c("age", "gte", 18), ["experiment": ["id": "e", "arms": [arm("x", 1), arm("y", 2)]]]),
            RuleFixtures.rule("c", c("age", "gte", 65), ["experiment": ["id": "e", "arms": [arm("x", 1), arm("y", 1)]]]),
        ]), [("rules[1].then.experiment.arms", "must have the same arm names and weights, in the same order, as the same experiment at rules[0].then.experiment.arms")]),

        // The default rule.
        (RuleFixtures.document([RuleFixtures.rule("a", c("risk_level", "eq", "high"))], catchAll: false), [(w, catchAll)]),
        (RuleFixtures.document([RuleFixtures.rule("a", c("consent_follow_up", "exists"))], catchAll: false), [(w, catchAll)]),
        (RuleFixtures.document([RuleFixtures.rule("a", ["not": ["all": []]])], catchAll: false), [(w, catchAll)]),
        (RuleFixtures.document([RuleFixtures.rule("a", ["all": []]), RuleFixtures.rule("b", c("age", "lt", 18), ["action": "fly"])], catchAll: false),
         [("rules[1].then.action", actions), ("rules[1].when", catchAll)]),

        // Every problem of a document at once.
        (["name": 3, "rules": [RuleFixtures.rule("a", c("age", "lt", "x"), ["action": "refer", "follow_up": "P"]),
                                RuleFixtures.rule("a", c("risk", "eq", "high"))], "extra": 1],
         [("extra", "is not a known field"), ("name", "must be a string"), ("rules[0].when.value", "must be an integer from 0 to 130"),
          ("rules[0].then.follow_up", "must be an ISO 8601 duration, e.g. PT24H: must have at least one component, e.g. PT24H"),
          ("rules[1].id", "repeats the id of rules[0]"), ("rules[1].when.fact", facts)]),
    ]

    @Test(arguments: cases)
    func rejects(_ document: JSONValue, _ issues: [(String, String)]) {
        #expect(throws: ValidationFailure(issues: issues.map { ValidationIssue(path: $0.0, message: $0.1) })) {
            try Ruleset(validating: document)
        }
    }

    /// Conditions that always hold are accepted as the default, however they are written.
    @Test(arguments: [
        ["all": []],
        ["not": ["any": []]],
        ["all": [["all": []], ["not": ["any": [["any": []]]]]]],
        ["any": [c("age", "exists"), ["not": c("age", "exists")]]],
        ["any": [c("risk_level", "lt", "high"), c("risk_level", "gte", "high"), c("risk_level", "exists", false)]],
        ["any": [c("flags", "exists"), c("flags", "exists", false)]],
        ["any": [c("region", "eq", "north"), c("region", "ne", "north"), ["not": c("region", "exists")]]],
        ["not": ["all": [c("hour_of_day", "lt", 6), c("hour_of_day", "gt", 20)]]],
    ] as [JSONValue])
    func acceptsDefaults(_ condition: JSONValue) throws {
        let ruleset = try RuleFixtures.ruleset([RuleFixtures.rule("last", condition)], catchAll: false)
        #expect(ruleset.ruleIDs == ["last"])
    }

    @Test func keepsTheDocumentAndFillsDefaults() throws {
        let document = RuleFixtures.document([
            RuleFixtures.rule("a", c("risk_level", "eq", "imminent"), ["action": "emergency_911"]),
            RuleFixtures.rule("b", c("risk_level", "eq", "high"), ["action": "dispatch_mobile_team", "requires": ["youth", "spanish", "youth"]]),
            RuleFixtures.rule("c", c("age", "lt", 18), ["action": "transfer", "priority": "urgent", "follow_up": "P1DT12H"]),
        ])
        let ruleset = try Ruleset(validating: document)
        #expect(ruleset.document == document)
        #expect(ruleset.name == "test")
        #expect(ruleset.dispatch == DispatchSettings(autoAssign: true, maxETAMinutes: nil))
        #expect(ruleset.warnings.isEmpty)
        let compiled = ruleset.compiled()
        #expect(compiled.decide(RoutingFacts(riskLevel: .imminent)) == RuleDecision(ruleID: "a", action: .emergency911, priority: .emergent))
        #expect(compiled.decide(RoutingFacts(riskLevel: .high)) ==
            RuleDecision(ruleID: "b", action: .dispatchMobileTeam, priority: .urgent, requires: ["youth", "spanish"]))
        #expect(compiled.decide(RoutingFacts(age: 12)) ==
            RuleDecision(ruleID: "c", action: .transfer, priority: .urgent, followUp: ISODuration(seconds: 129_600)))
        #expect(compiled.decide(RoutingFacts()) == RuleDecision(ruleID: "default", action: .resolveByPhone, priority: .routine))
    }

    @Test func readsDispatchSettings() throws {
        var document = RuleFixtures.document([]).objectValue!
        document["dispatch"] = ["auto_assign": false, "max_eta_minutes": 90]
        #expect(try Ruleset(validating: .object(document)).dispatch == DispatchSettings(autoAssign: false, maxETAMinutes: 90))
        document["dispatch"] = ["max_eta_minutes": .null]
        #expect(try Ruleset(validating: .object(document)).dispatch == DispatchSettings())
    }

    @Test(arguments: ["clinician", "peer", "youth", "spanish", "medical", "crisis-2", "b_lingual"])
    func capabilityNames(_ name: String) {
        #expect(CapabilityName.isValid(name))
    }

    @Test(arguments: ["", "Youth", "2nd", "-x", "a b", "é", String(repeating: "a", count: 65)])
    func notCapabilityNames(_ name: String) {
        #expect(!CapabilityName.isValid(name))
    }
}
