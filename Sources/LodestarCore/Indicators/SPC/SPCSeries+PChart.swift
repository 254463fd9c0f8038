extension SPCSeries {
    /// A p-chart (SPEC §7): centre p̄ = Σ numerators ÷ Σ denominators over the baseline
    /// points, and at each point i the limits p̄ ± 3√(p̄(1 − p̄)/nᵢ) clipped to [0, 1].
    ///
    /// Samples with a denominator of 0 have no value and are left out; nil when none is left.
    /// `baseline` as in ``baselineCount(_:of:)``.
    public static func pChart(group: GroupKey, samples: [ProportionSample], baseline: Int?,
                              better: BetterDirection) -> SPCSeries? {
        let samples = samples.filter { $0.denominator > 0 }.sorted { $0.periodStart < $1.periodStart }
        guard !samples.isEmpty else { return nil }
        let base = samples.prefix(baselineCount(baseline, of: samples.count))
        let centre = Double(base.reduce(0) { $0 + $1.numerator }) / Double(base.reduce(0) { $0 + $1.denominator })
        let points = samples.map { sample in
            let sigma = (centre * (1 - centre) / Double(sample.denominator)).squareRoot()
            return SPCPoint(periodStart: sample.periodStart,
                            value: Double(sample.numerator) / Double(sample.denominator), n: sample.denominator,
                            lcl: max(0, centre - 3 * sigma), ucl: min(1, centre + 3 * sigma))
        }
        let signals = SPCSignalRules(points: points, centre: centre, better: better).signals()
        return SPCSeries(group: group, centre: centre, points: points, signals: signals)
    }
}
