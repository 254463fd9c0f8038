public import Time

extension SPCSeries {
    /// The chart of `indicator` for one group from its raw figures per period: a p-chart
    /// of the rate's numerator and denominator, or an XmR chart of the duration's period
    /// means. Nil for a count, or when no period has a value.
    public init?(indicator: Indicator, group: GroupKey,
                 periods: [(periodStart: CivilDate, figures: IndicatorFigures)], baseline: Int?) {
        guard let better = indicator.betterDirection else { return nil }
        let series: SPCSeries?
        switch indicator.kind {
        case .count:
            series = nil
        case .rate(let numerator, let denominator):
            let samples = periods.map {
                ProportionSample(periodStart: $0.periodStart, numerator: $0.figures[numerator], denominator: $0.figures[denominator])
            }
            series = Self.pChart(group: group, samples: samples, baseline: baseline, better: better)
        case .statistic:
            let samples = periods.compactMap { period -> MeanSample? in
                let summary = period.figures.summary(of: indicator)
                return summary.mean.map { MeanSample(periodStart: period.periodStart, mean: $0, n: summary.n) }
            }
            series = Self.xmr(group: group, samples: samples, baseline: baseline, better: better)
        }
        guard let series else { return nil }
        self = series
    }
}
