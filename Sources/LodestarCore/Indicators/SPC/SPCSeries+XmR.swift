extension SPCSeries {
    /// The XmR constant: 3 ÷ d₂ for moving ranges of two points (d₂ = 1.128).
    public static let xmrLimitFactor = 2.66

    /// An XmR chart of period means (SPEC §7): centre x̄, the mean of the baseline points,
    /// and limits x̄ ± 2.66 × the mean moving range between consecutive baseline points.
    ///
    /// Limits are not clipped at 0 (SPEC clips only the p-chart). With one baseline point
    /// there is no moving range: the chart has a centre but no limits, and only the run
    /// rules apply. Samples over no values are left out; nil when none is left.
    public static func xmr(group: GroupKey, samples: [MeanSample], baseline: Int?,
                           better: BetterDirection) -> SPCSeries? {
        let samples = samples.filter { $0.n > 0 }.sorted { $0.periodStart < $1.periodStart }
        guard !samples.isEmpty else { return nil }
        let base = samples.prefix(baselineCount(baseline, of: samples.count)).map { $0.mean }
        let centre = base.reduce(0, +) / Double(base.count)
        let movingRanges = zip(base, base.dropFirst()).map { abs($1 - $0) }
        let halfWidth = movingRanges.isEmpty
            ? nil : xmrLimitFactor * movingRanges.reduce(0, +) / Double(movingRanges.count)
        let points = samples.map { sample in
            SPCPoint(periodStart: sample.periodStart, value: sample.mean, n: sample.n,
                     lcl: halfWidth.map { centre - $0 }, ucl: halfWidth.map { centre + $0 })
        }
        let signals = SPCSignalRules(points: points, centre: centre, better: better).signals()
        return SPCSeries(group: group, centre: centre, points: points, signals: signals)
    }
}
