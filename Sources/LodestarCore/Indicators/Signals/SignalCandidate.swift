public import Time

/// A signal at the end of a watched chart: what live signals announce, once.
public struct SignalCandidate: Sendable, Hashable {
    public var indicator: Indicator
    public var period: CalendarPeriod
    /// `[]` for the chart over all contacts, `[.region]` for a region's.
    public var groupBy: [GroupDimension]
    /// The whole chart, for the figures the announcement shows.
    public var series: SPCSeries
    public var signal: SPCSignal
    /// The first day of the chart's first period, and of the period after its last.
    public var from: CivilDate
    public var to: CivilDate

    public init(indicator: Indicator, period: CalendarPeriod, groupBy: [GroupDimension], series: SPCSeries, signal: SPCSignal,
                from: CivilDate, to: CivilDate) {
        self.indicator = indicator
        self.period = period
        self.groupBy = groupBy
        self.series = series
        self.signal = signal
        self.from = from
        self.to = to
    }

    /// The points that make the signal, in order.
    public var points: [SPCPoint] { signal.points.map { series.points[$0] } }

    /// The period whose close raised it: the chart's last.
    public var raisedBy: CivilDate { series.points[series.points.count - 1].periodStart }
}
