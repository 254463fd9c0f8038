/// A statistic indicator's figures for one group: how many values, their mean, median and
/// 90th percentile (`percentile_cont`), all nil when there are no values.
public struct StatisticSummary: Sendable, Hashable {
    /// The number of values summarised.
    public var n: Int
    public var mean: Double?
    public var p50: Double?
    public var p90: Double?

    /// A summary computed elsewhere (by the database); the caller keeps `n` and the figures
    /// consistent.
    public init(n: Int, mean: Double?, p50: Double?, p90: Double?) {
        self.n = n
        self.mean = mean
        self.p50 = p50
        self.p90 = p90
    }

    /// The summary of `values`, in any order. The mean is a plain running sum divided by the
    /// count, as PostgreSQL's `avg(float8)` computes it.
    public init(values: [Double]) {
        let sorted = values.sorted()
        n = sorted.count
        mean = values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
        p50 = Percentile.continuous(0.5, sorted: sorted)
        p90 = Percentile.continuous(0.9, sorted: sorted)
    }

    /// No values.
    public static let empty = StatisticSummary(n: 0, mean: nil, p50: nil, p90: nil)
}
