extension IndicatorFigures {
    /// The row a report shows: every indicator computed from these figures and suppressed by
    /// `policy` (SPEC §7).
    ///
    /// - A count from 1 to t−1 is null.
    /// - A rate is null when its numerator, its denominator or their difference is from 1 to
    ///   t−1, so that no small count can be derived from it; over a denominator of 0 it is
    ///   null without being a suppression.
    /// - A statistic over 1 to t−1 values is null; over none it is null without being one.
    public func values(under policy: SuppressionPolicy) -> IndicatorValues {
        var values: [Indicator: IndicatorValue] = [:]
        var suppressed: [Indicator] = []
        for indicator in Indicator.allCases {
            let (value, isSuppressed) = self.value(of: indicator, under: policy)
            values[indicator] = value
            if isSuppressed { suppressed.append(indicator) }
        }
        return IndicatorValues(values: values, suppressed: suppressed)
    }

    private func value(of indicator: Indicator, under policy: SuppressionPolicy) -> (IndicatorValue, suppressed: Bool) {
        switch indicator.kind {
        case .count(let tally):
            let count = self[tally]
            return policy.isSmall(count) ? (.count(nil), true) : (.count(count), false)
        case .rate(let numeratorTally, let denominatorTally):
            let numerator = self[numeratorTally]
            let denominator = self[denominatorTally]
            guard denominator != 0 else { return (.rate(nil), false) }
            if policy.isSmall(numerator) || policy.isSmall(denominator) || policy.isSmall(denominator - numerator) {
                return (.rate(nil), true)
            }
            return (.rate(Double(numerator) / Double(denominator)), false)
        case .statistic:
            let summary = summary(of: indicator)
            if policy.isSmall(summary.n) { return (.statistic(nil), true) }
            guard let mean = summary.mean, let p50 = summary.p50, let p90 = summary.p90 else {
                return (.statistic(nil), false)
            }
            return (.statistic(StatisticFigures(mean: mean, p50: p50, p90: p90)), false)
        }
    }
}
