public import Time

/// An attribute reports may group by (SPEC §7 `group_by`), in the order SPEC lists them.
///
/// Contact attributes group every figure by its contact; `team` groups dispatch figures by
/// the dispatch's team; the periods group each figure by the time its definition names, in
/// the report's zone.
public enum GroupDimension: String, Vocabulary {
    case region, channel, line, language
    case ageGroup = "age_group"
    case raceEthnicity = "race_ethnicity"
    case team
    case experimentArm = "experiment_arm"
    case rulesetVersion = "ruleset_version"
    case day, week, month

    /// The calendar period this dimension groups by, or nil for an attribute.
    public var period: CalendarPeriod? {
        switch self {
        case .day: .day
        case .week: .week
        case .month: .month
        default: nil
        }
    }

    /// Whether this is an attribute of the record's contact (every dimension but `team` and
    /// the periods), which dispatch and follow-up figures must look up.
    public var isContactAttribute: Bool {
        period == nil && self != .team
    }

    /// Parses a `group_by` value: dimension names separated by commas, each at most once.
    ///
    /// An empty value groups by nothing, as an absent one does. Spaces are not trimmed: a
    /// `+` sent unescaped arrives as one and should be reported, not guessed at. An SPC chart
    /// takes its period from `period`, so it parses with `allowingPeriods: false`.
    public static func parseList(_ text: String, allowingPeriods: Bool = true) throws(IndicatorQueryError) -> [GroupDimension] {
        guard !text.isEmpty else { return [] }
        var dimensions: [GroupDimension] = []
        for name in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let dimension = GroupDimension(rawValue: String(name)) else {
                throw IndicatorQueryError(parameter: "group_by", message: "must be a comma-separated list of: \(choicesText)")
            }
            guard allowingPeriods || dimension.period == nil else {
                throw IndicatorQueryError(parameter: "group_by", message: "cannot hold day, week or month here: the chart's period is set by period")
            }
            guard !dimensions.contains(dimension) else {
                throw IndicatorQueryError(parameter: "group_by", message: "names a dimension more than once")
            }
            dimensions.append(dimension)
        }
        return dimensions
    }
}
