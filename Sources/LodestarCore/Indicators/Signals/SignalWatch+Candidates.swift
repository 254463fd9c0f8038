import Time

extension SignalWatch {
    /// The signals that reach the last point of a watched chart, from figures grouped by region
    /// and day in the watch's zone (as `IndicatorQuery` with `[.region, .day]` gives them).
    ///
    /// A chart whose last settled period has no value (no contact, no dispatch) raises nothing:
    /// its last point is an older period, already judged when it closed.
    public func candidates(_ rows: [(group: GroupKey, figures: IndicatorFigures)]) -> [SignalCandidate] {
        var byRegion: [GroupKey: [CivilDate: IndicatorFigures]] = [:]
        var overall: [CivilDate: IndicatorFigures] = [:]
        for (group, figures) in rows {
            guard group.values.count == 2, case .date(let day)? = group.values[1] else { continue }
            byRegion[GroupKey([group.values[0]]), default: [:]][day] = figures
            overall[day] = overall[day]?.combined(with: figures) ?? figures
        }
        var charts: [(groupBy: [GroupDimension], group: GroupKey, days: [CivilDate: IndicatorFigures])] = [([], GroupKey([]), overall)]
        for region in byRegion.keys.sorted() { charts.append(([.region], region, byRegion[region]!)) }
        var found: [SignalCandidate] = []
        for indicator in Indicator.allCases where indicator.spcChart != nil {
            for (period, count) in Self.periods {
                let last = lastSettled(period, for: indicator)
                var first = last
                for _ in 1..<count { first = period.firstDay(containing: first.adding(days: -1)) }
                let end = period.firstDayOfNext(containing: last)
                for chart in charts {
                    var periods: [CivilDate: IndicatorFigures] = [:]
                    for (day, figures) in chart.days where day >= first && day < end {
                        let start = period.firstDay(containing: day)
                        periods[start] = periods[start]?.combined(with: figures) ?? figures
                    }
                    guard let series = SPCSeries(indicator: indicator, group: chart.group,
                                                 periods: periods.map { ($0.key, $0.value) }, baseline: nil),
                          series.points.last?.periodStart == last
                    else { continue }
                    for signal in series.newSignals(since: nil) {
                        found.append(SignalCandidate(indicator: indicator, period: period, groupBy: chart.groupBy, series: series,
                                                     signal: signal, from: first, to: end))
                    }
                }
            }
        }
        return found
    }
}
