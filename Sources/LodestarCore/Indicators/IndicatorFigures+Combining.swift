extension IndicatorFigures {
    /// These figures and `other`'s together, as a control chart needs them when it joins
    /// groups or periods: tallies add up, and each duration's count and mean combine into the
    /// mean of all its values. Percentiles cannot be combined and are left out.
    public func combined(with other: IndicatorFigures) -> IndicatorFigures {
        var result = IndicatorFigures(tallies: tallies.merging(other.tallies, uniquingKeysWith: +))
        for indicator in Set(statistics.keys).union(other.statistics.keys) {
            let mine = summary(of: indicator), theirs = other.summary(of: indicator)
            let n = mine.n + theirs.n
            let sum = (mine.mean ?? 0) * Double(mine.n) + (theirs.mean ?? 0) * Double(theirs.n)
            result.statistics[indicator] = StatisticSummary(n: n, mean: n > 0 ? sum / Double(n) : nil, p50: nil, p90: nil)
        }
        return result
    }
}
