public import Time

/// `GET /v1/reports/spc` as a value: one control chart of one indicator per group.
public struct SPCReport: Sendable, Hashable {
    public var indicator: Indicator
    public var chart: SPCChart
    public var period: CalendarPeriod
    public var from: Timestamp
    public var to: Timestamp
    /// The zone name periods are computed in.
    public var timeZone: String
    /// The grouping of the series (never a period dimension).
    public var groupBy: [GroupDimension]
    /// The number of leading points the centre and limits come from; nil: all points.
    public var baseline: Int?
    /// One series per group with any value, ordered by group.
    public var series: [SPCSeries]

    /// One figures row per group and period.
    public struct Row: Sendable, Hashable {
        public var group: GroupKey
        public var periodStart: CivilDate
        public var figures: IndicatorFigures

        public init(group: GroupKey, periodStart: CivilDate, figures: IndicatorFigures) {
            self.group = group
            self.periodStart = periodStart
            self.figures = figures
        }
    }

    /// The charts of `indicator` (a rate or a time: see ``Indicator/charted(_:)``) from raw
    /// figures per group and period; nil for a count.
    public init?(indicator: Indicator, period: CalendarPeriod, from: Timestamp, to: Timestamp, timeZone: String,
                 groupBy: [GroupDimension], baseline: Int?, rows: [Row]) {
        guard let chart = indicator.spcChart else { return nil }
        self.indicator = indicator
        self.chart = chart
        self.period = period
        self.from = from
        self.to = to
        self.timeZone = timeZone
        self.groupBy = groupBy
        self.baseline = baseline
        let byGroup = Dictionary(grouping: rows) { $0.group }
        series = byGroup.keys.sorted().compactMap { group in
            let periods = byGroup[group]!.map { (periodStart: $0.periodStart, figures: $0.figures) }
            return SPCSeries(indicator: indicator, group: group, periods: periods, baseline: baseline)
        }
    }
}
