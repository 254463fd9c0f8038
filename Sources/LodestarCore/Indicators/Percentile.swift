/// Order statistics as PostgreSQL computes them, so figures computed here and in SQL agree.
public enum Percentile {
    /// PostgreSQL's `percentile_cont(fraction)` over `sorted` (ascending): the value at
    /// position `fraction × (n − 1)`, interpolated linearly between the two closest ranks.
    /// Nil when there are no values.
    ///
    /// The arithmetic follows `percentile_cont_float8_final` step for step (first row, then
    /// first + (second − first) × proportion), so results match it to the last bit.
    public static func continuous(_ fraction: Double, sorted: [Double]) -> Double? {
        guard let first = sorted.first else { return nil }
        guard sorted.count > 1 else { return first }
        let position = fraction * Double(sorted.count - 1)
        let lowerRank = position.rounded(.down)
        let upperRank = position.rounded(.up)
        let lower = sorted[Int(lowerRank)]
        guard upperRank != lowerRank else { return lower }
        let upper = sorted[Int(upperRank)]
        return lower + (upper - lower) * (position - lowerRank)
    }
}
