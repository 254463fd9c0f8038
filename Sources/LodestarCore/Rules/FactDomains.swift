/// The finite domain of every fact as one ruleset sees it: each value a contact may have is
/// a small code, and so is the fact's absence.
///
/// | fact | codes | absent |
/// |---|---|---|
/// | channel, region_type | vocabulary order, 0...2 | 3 |
/// | risk_level | rank, 0 (none) ... 4 (imminent) | 5 |
/// | consent_follow_up | 0 false, 1 true | 2 |
/// | hour_of_day | the hour, 0...23 | 24 |
/// | day_of_week | the day − 1, 0 (Monday) ... 6 | 7 |
/// | age | the age, 0...130 | 131 |
/// | flags | the set of flags as a 9-bit mask, 0...511 | 0 (no flag) |
/// | line, region, language | each string the ruleset names, 0..<n; any other string n | n + 1 |
///
/// Strings no rule names all behave alike under every comparison of the ruleset, so one
/// code stands for all of them and the domain stays finite: reasoning over codes is exact.
struct FactDomains: Sendable {
    /// The strings the ruleset names for each text fact, by code.
    let lines: [String: Int]
    let regions: [String: Int]
    let languages: [String: Int]

    /// The domains of the facts compared in `conditions`.
    init(conditions: some Sequence<RuleCondition>) {
        var texts: [RoutingFact: [String: Int]] = [:]
        func collect(_ condition: RuleCondition) {
            switch condition.form {
            case .all(let children), .any(let children): children.forEach(collect)
            case .not(let child): collect(child)
            case .test(let test):
                guard case .values(let values) = test.operand else { return }
                for case .text(let text) in values where texts[test.fact, default: [:]][text] == nil {
                    texts[test.fact, default: [:]][text] = texts[test.fact, default: [:]].count
                }
            }
        }
        conditions.forEach(collect)
        lines = texts[.line] ?? [:]
        regions = texts[.region] ?? [:]
        languages = texts[.language] ?? [:]
    }

    /// How many codes the fact has, its absence included.
    func size(of fact: RoutingFact) -> Int {
        switch fact {
        case .channel, .regionType: 4
        case .riskLevel: 6
        case .consentFollowUp: 3
        case .hourOfDay: 25
        case .dayOfWeek: 8
        case .age: 132
        case .flags: 512
        case .line: lines.count + 2
        case .region: regions.count + 2
        case .language: languages.count + 2
        }
    }

    /// The code of a contact that lacks the fact.
    func absentCode(of fact: RoutingFact) -> Int {
        fact == .flags ? 0 : size(of: fact) - 1
    }

    /// The code of a value a rule names (for a flag, its bit number).
    func code(of value: FactValue, for fact: RoutingFact) -> Int {
        switch value {
        case .channel(let channel): FactCodes.code(channel)
        case .regionType(let type): FactCodes.code(type)
        case .risk(let risk): risk.rank
        case .flag(let flag): FactCodes.bit(flag)
        case .bool(let flag): flag ? 1 : 0
        case .number(let number): fact == .dayOfWeek ? number - 1 : number
        case .text(let text): FactCodes.code(text, in: table(of: fact))
        }
    }

    func table(of fact: RoutingFact) -> [String: Int] {
        switch fact {
        case .line: lines
        case .region: regions
        case .language: languages
        default: [:]
        }
    }
}
