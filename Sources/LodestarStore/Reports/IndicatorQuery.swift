public import LodestarCore
public import Time

/// What a report asks the database for: the window, the zone of its periods, the grouping,
/// the answer target (SPEC §7; region response targets come from the regions themselves) and
/// which figures.
public struct IndicatorQuery: Sendable {
    public var from: Timestamp
    public var to: Timestamp
    public var timeZone: String
    public var groupBy: [GroupDimension]
    public var answerTargetSeconds: Double
    public var selection: FigureSelection

    public init(from: Timestamp, to: Timestamp, timeZone: String, groupBy: [GroupDimension], answerTargetSeconds: Double,
                selection: FigureSelection = .report) {
        self.from = from
        self.to = to
        self.timeZone = timeZone
        self.groupBy = groupBy
        self.answerTargetSeconds = answerTargetSeconds
        self.selection = selection
    }

    /// The statements that compute the selected figures.
    var statements: [IndicatorSQL] {
        switch selection {
        case .report, .charts:
            FigureFamily.allCases.map {
                IndicatorSQL(family: $0, groupBy: groupBy, statistics: $0.statistics.map { $0.0 }, percentiles: selection == .report)
            }
        case .chart(let indicator):
            [IndicatorSQL(family: .of(indicator), groupBy: groupBy,
                          statistics: indicator.kind == .statistic ? [indicator] : [], percentiles: false)]
        }
    }
}

/// Which figures a query computes.
public enum FigureSelection: Sendable, Hashable {
    /// Every figure of every indicator: a report.
    case report
    /// What a control chart of the indicator is drawn from: a rate's numerator and
    /// denominator, or a duration's count and mean (no percentiles), from its family alone.
    case chart(Indicator)
    /// What every control chart is drawn from: every tally, and every duration's count and mean.
    case charts
}
