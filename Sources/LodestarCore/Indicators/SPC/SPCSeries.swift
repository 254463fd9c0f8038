public import Time

/// One group's control chart: its points, centre line and signals.
public struct SPCSeries: Sendable, Hashable {
    /// The group's values for the report's `group_by` (no period: that is the chart's axis).
    public var group: GroupKey
    public var centre: Double
    /// The periods that have a value, in time order; a period with none (a rate over 0, no
    /// durations) is left out, so runs count the periods that have data.
    public var points: [SPCPoint]
    public var signals: [SPCSignal]

    public init(group: GroupKey, centre: Double, points: [SPCPoint], signals: [SPCSignal]) {
        self.group = group
        self.centre = centre
        self.points = points
        self.signals = signals
    }

    /// The number of leading points the centre and limits come from: the first `baseline`
    /// (held for the rest, never rebased), or all of them.
    static func baselineCount(_ baseline: Int?, of count: Int) -> Int {
        min(max(baseline ?? count, 1), count)
    }
}

/// A rate's figures in one period, for a p-chart.
public struct ProportionSample: Sendable, Hashable {
    public var periodStart: CivilDate
    public var numerator: Int
    public var denominator: Int

    public init(periodStart: CivilDate, numerator: Int, denominator: Int) {
        self.periodStart = periodStart
        self.numerator = numerator
        self.denominator = denominator
    }
}

/// A duration's figures in one period, for an XmR chart: the period's mean over `n` values.
public struct MeanSample: Sendable, Hashable {
    public var periodStart: CivilDate
    public var mean: Double
    public var n: Int

    public init(periodStart: CivilDate, mean: Double, n: Int) {
        self.periodStart = periodStart
        self.mean = mean
        self.n = n
    }
}
