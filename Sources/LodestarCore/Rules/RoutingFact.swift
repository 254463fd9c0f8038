/// A fact a routing rule may test (SPEC §5), named as in rule documents.
public enum RoutingFact: String, Vocabulary {
    case channel, line, region
    case regionType = "region_type"
    case language, age
    case riskLevel = "risk_level"
    case flags
    case consentFollowUp = "consent_follow_up"
    case hourOfDay = "hour_of_day"
    case dayOfWeek = "day_of_week"

    /// The operators that mean something for the fact's kind of value, in document order.
    ///
    /// Ordered facts (risk level, age, hour, day) take every comparison; names and places
    /// (channel, line, region, region type, language) are equal or not, one of a list or not;
    /// `consent_follow_up` is a boolean; `flags` is a list, tested with `contains`. Every fact
    /// takes `exists`.
    public var operators: [RuleOperator] {
        switch self {
        case .riskLevel, .age, .hourOfDay, .dayOfWeek: [.eq, .ne, .in, .notIn, .lt, .lte, .gt, .gte, .exists]
        case .channel, .line, .region, .regionType, .language: [.eq, .ne, .in, .notIn, .exists]
        case .consentFollowUp: [.eq, .ne, .exists]
        case .flags: [.contains, .exists]
        }
    }
}
