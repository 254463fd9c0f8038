import JSON

/// A validated `when` condition, with the JSON it was read from (an explanation names the
/// condition that failed as the rule's author wrote it).
struct RuleCondition: Sendable {
    indirect enum Form: Sendable {
        case all([RuleCondition])
        case any([RuleCondition])
        case not(RuleCondition)
        case test(FactTest)
    }

    var form: Form
    var source: JSONValue
}

/// One `{"fact", "op", "value"}` comparison, its value checked against the fact's kind.
struct FactTest: Sendable, Hashable {
    var fact: RoutingFact
    var op: RuleOperator
    var operand: Operand

    /// What the comparison is made with.
    enum Operand: Sendable, Hashable {
        /// `exists`: whether the fact must be present (`true`) or absent.
        case presence(Bool)
        /// One value, or the list of `in`/`not_in`.
        case values([FactValue])
    }
}

/// A value a rule compares a fact with, typed by the fact.
enum FactValue: Sendable, Hashable {
    case channel(Channel)
    case regionType(RegionType)
    case risk(RiskLevel)
    case flag(ContactFlag)
    case bool(Bool)
    /// Age, hour of day or day of week.
    case number(Int)
    /// Line, region or (canonical) language tag.
    case text(String)
}
