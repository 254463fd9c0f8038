import JSON
import LodestarCore
import Testing

/// Random conditions and contacts, decided by the compiled ruleset and by a direct reading
/// of SPEC §5 written here: they must agree, and no warning may name a rule that fires.
@Suite struct RuleSemanticsTests {
    static let values: [String: [JSONValue]] = [
        "channel": ["call", "text", "chat"],
        "line": ["988", "veterans", "youth"],
        "region": ["north", "south"],
        "region_type": ["urban", "rural", "frontier"],
        "language": ["en", "es", "es-US"],
        "age": [0, 12, 17, 18, 40, 65, 130],
        "risk_level": ["none", "low", "moderate", "high", "imminent"],
        "flags": ["youth", "veteran", "means_access"],
        "consent_follow_up": [true, false],
        "hour_of_day": [0, 5, 6, 12, 22, 23],
        "day_of_week": [1, 2, 5, 6, 7],
    ]

    static let operators: [String: [String]] = [
        "channel": ["eq", "ne", "in", "not_in", "exists"], "line": ["eq", "ne", "in", "not_in", "exists"],
        "region": ["eq", "ne", "in", "not_in", "exists"], "region_type": ["eq", "ne", "in", "not_in", "exists"],
        "language": ["eq", "ne", "in", "not_in", "exists"], "consent_follow_up": ["eq", "ne", "exists"],
        "flags": ["contains", "exists"],
        "age": ["eq", "ne", "in", "not_in", "lt", "lte", "gt", "gte", "exists"],
        "risk_level": ["eq", "ne", "in", "not_in", "lt", "lte", "gt", "gte", "exists"],
        "hour_of_day": ["eq", "ne", "in", "not_in", "lt", "lte", "gt", "gte", "exists"],
        "day_of_week": ["eq", "ne", "in", "not_in", "lt", "lte", "gt", "gte", "exists"],
    ]

    static func randomCondition(depth: Int, using random: inout SeededGenerator) -> JSONValue {
        let kind = depth >= 3 ? 3 : Int.random(in: 0..<6, using: &random)
        switch kind {
        case 0, 1:
            let count = Int.random(in: 0...3, using: &random)
            let children = (0..<count).map { _ in randomCondition(depth: depth + 1, using: &random) }
            return [kind == 0 ? "all" : "any": .array(children)]
        case 2:
            return ["not": randomCondition(depth: depth + 1, using: &random)]
        default:
            let fact = values.keys.sorted().randomElement(using: &random)!
            let op = operators[fact]!.randomElement(using: &random)!
            let pool = values[fact]!
            switch op {
            case "exists":
                return Bool.random(using: &random) ? RuleFixtures.fact(fact, op) : RuleFixtures.fact(fact, op, .bool(Bool.random(using: &random)))
            case "in", "not_in":
                let count = Int.random(in: 1...2, using: &random)
                return RuleFixtures.fact(fact, op, .array((0..<count).map { _ in pool.randomElement(using: &random)! }))
            default:
                return RuleFixtures.fact(fact, op, pool.randomElement(using: &random)!)
            }
        }
    }

    static func randomFacts(using random: inout SeededGenerator) -> RoutingFacts {
        func maybe<T>(_ pool: [T]) -> T? {
            Int.random(in: 0..<4, using: &random) == 0 ? nil : pool.randomElement(using: &random)
        }
        return RoutingFacts(
            contactID: "c\(random.next() % 1000)",
            channel: maybe(Channel.allCases), line: maybe(["988", "veterans", "spanish"]), region: maybe(["north", "west"]),
            regionType: maybe(RegionType.allCases), language: maybe(["en", "es", "es-US", "vi"]),
            age: maybe([0, 11, 12, 17, 18, 19, 40, 64, 65, 130]), riskLevel: maybe(RiskLevel.allCases),
            flags: ContactFlag.allCases.filter { _ in Int.random(in: 0..<4, using: &random) == 0 },
            consentFollowUp: maybe([true, false]), hourOfDay: maybe([0, 4, 5, 6, 12, 22, 23]),
            dayOfWeek: maybe([1, 2, 5, 6, 7]))
    }

    /// Random facts of a routed contact: it always has a risk level, consent, a region type and
    /// the hour and day of its assessment (`RuleReachability.alwaysPresent`).
    static func randomRoutedFacts(using random: inout SeededGenerator) -> RoutingFacts {
        var facts = randomFacts(using: &random)
        facts.riskLevel = facts.riskLevel ?? RiskLevel.allCases.randomElement(using: &random)
        facts.consentFollowUp = facts.consentFollowUp ?? true
        facts.regionType = facts.regionType ?? .urban
        facts.hourOfDay = facts.hourOfDay ?? Int.random(in: 0...23, using: &random)
        facts.dayOfWeek = facts.dayOfWeek ?? Int.random(in: 1...7, using: &random)
        return facts
    }

    /// SPEC §5 read directly: a comparison on a lacking fact is false, `exists` tests presence.
    static func holds(_ condition: JSONValue, _ facts: RoutingFacts) -> Bool {
        if let children = condition["all"]?.arrayValue { return children.allSatisfy { holds($0, facts) } }
        if let children = condition["any"]?.arrayValue { return children.contains { holds($0, facts) } }
        if let child = condition["not"] { return !holds(child, facts) }
        let op = condition["op"]!.stringValue!
        let value = condition["value"]
        let fact = factValue(condition["fact"]!.stringValue!, facts)
        if op == "exists" { return (fact != nil) == (value?.boolValue ?? true) }
        guard let fact else { return false }
        switch op {
        case "eq": return fact == value!
        case "ne": return fact != value!
        case "in": return value!.arrayValue!.contains(fact)
        case "not_in": return !value!.arrayValue!.contains(fact)
        case "contains": return fact.arrayValue!.contains(value!)
        default:
            let (left, right) = (rank(fact), rank(value!))
            switch op {
            case "lt": return left < right
            case "lte": return left <= right
            case "gt": return left > right
            default: return left >= right
            }
        }
    }

    static func rank(_ value: JSONValue) -> Int64 {
        if let text = value.stringValue { return Int64(RiskLevel(rawValue: text)!.rank) }
        return value.intValue!
    }

    static func factValue(_ name: String, _ facts: RoutingFacts) -> JSONValue? {
        switch name {
        case "channel": facts.channel.map { .string($0.rawValue) }
        case "line": facts.line.map { .string($0) }
        case "region": facts.region.map { .string($0) }
        case "region_type": facts.regionType.map { .string($0.rawValue) }
        case "language": facts.language.map { .string($0) }
        case "age": facts.age.map { .int(Int64($0)) }
        case "risk_level": facts.riskLevel.map { .string($0.rawValue) }
        case "flags": facts.flags.isEmpty ? nil : .array(facts.flags.map { .string($0.rawValue) })
        case "consent_follow_up": facts.consentFollowUp.map { .bool($0) }
        case "hour_of_day": facts.hourOfDay.map { .int(Int64($0)) }
        default: facts.dayOfWeek.map { .int(Int64($0)) }
        }
    }

    @Test func compiledConditionsAgreeWithTheSpec() throws {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<400 {
            let condition = Self.randomCondition(depth: 0, using: &random)
            let ruleset = try RuleFixtures.compiled([RuleFixtures.rule("t", condition)])
            for _ in 0..<40 {
                let facts = Self.randomFacts(using: &random)
                let expected = Self.holds(condition, facts)
                #expect((ruleset.decide(facts).ruleID == "t") == expected, "\(condition)")
                #expect(ruleset.explain(facts).trials[0].matched == expected, "\(condition)")
            }
        }
    }

    /// Decisions are first hit; a warned rule never fires for a routed contact; a last rule
    /// accepted as the default always matches, routed or not.
    @Test func warningsAndDefaultsAreNeverWrong() throws {
        var random = SeededGenerator(seed: 12)
        var warned = 0
        var defaults = 0
        for round in 0..<300 {
            let rules = (0..<5).map { RuleFixtures.rule("r\($0)", Self.randomCondition(depth: 1, using: &random)) }
            let last = Self.randomCondition(depth: 1, using: &random)
            let document = RuleFixtures.document(rules + [RuleFixtures.rule("last", last)], catchAll: false)
            guard let ruleset = try? Ruleset(validating: document) else {
                // Rejected: the last rule was not shown to match everyone. Test the rest.
                let ruleset = try RuleFixtures.ruleset(rules)
                try checkWarnings(ruleset, rules, &warned, &random, round)
                continue
            }
            defaults += 1
            for _ in 0..<200 {
                #expect(Self.holds(last, Self.randomFacts(using: &random)), "\(last)")
            }
            try checkWarnings(ruleset, rules + [RuleFixtures.rule("last", last)], &warned, &random, round)
        }
        // The generator must produce both kinds, or this test proves nothing.
        #expect(warned > 20)
        #expect(defaults > 5)
    }

    private func checkWarnings(_ ruleset: Ruleset, _ rules: [JSONValue], _ warned: inout Int,
                               _ random: inout SeededGenerator, _ round: Int) throws {
        let dead = Set(ruleset.warnings.map(\.path))
        warned += dead.count
        let compiled = ruleset.compiled()
        for _ in 0..<300 {
            let facts = Self.randomRoutedFacts(using: &random)
            let first = rules.firstIndex { Self.holds($0["when"]!, facts) }
            // First hit: the decision is the first rule whose condition holds, else the default.
            #expect(compiled.decide(facts).ruleID == first.map { rules[$0]["id"]!.stringValue! } ?? "default")
            guard let first else { continue }
            #expect(!dead.contains("rules[\(first)]"), "round \(round): \(rules[first])")
        }
    }
}
