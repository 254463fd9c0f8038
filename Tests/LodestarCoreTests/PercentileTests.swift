import LodestarCore
import Testing

@Suite struct PercentileTests {
    /// Hand computation: position = fraction × (n − 1), interpolated between its neighbours.
    @Test(arguments: [
        ([1, 2, 3, 4], 0.5, 2.5), ([1, 2, 3, 4], 0.9, 3.7), ([1, 2], 0.9, 1.9), ([10, 20, 30], 0.9, 28),
        ([10, 20, 30], 0.5, 20), ([7], 0.9, 7), ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9, 10), ([3, 3, 3], 0.5, 3),
        ([0, 100], 0.5, 50), ([1, 2, 3, 4], 0, 1), ([1, 2, 3, 4], 1, 4),
    ] as [([Double], Double, Double)])
    func continuous(_ sorted: [Double], _ fraction: Double, _ expected: Double) throws {
        let value = try #require(Percentile.continuous(fraction, sorted: sorted))
        #expect(abs(value - expected) < 1e-12)
    }

    @Test func noValues() {
        #expect(Percentile.continuous(0.5, sorted: []) == nil)
        #expect(StatisticSummary(values: []) == .empty)
    }

    @Test func summarySortsItsValues() {
        let summary = StatisticSummary(values: [4, 1, 3, 2])
        #expect(summary.n == 4)
        #expect(summary.mean == 2.5)
        #expect(summary.p50 == 2.5)
        #expect(abs(summary.p90! - 3.7) < 1e-12)
    }

    /// Figures PostgreSQL 15 printed for `percentile_cont(0.5)`, `percentile_cont(0.9)` and
    /// `avg` over these `float8` arrays: the same arithmetic gives the same last bits.
    @Test(arguments: [
        ([0.1, 0.2, 0.3, 0.7], 0.25, 0.5800000000000001, 0.325),
        ([0.3, 1.1, 2.9], 1.1, 2.54, 1.4333333333333333),
        ([1.5, 2.25, 9.1, 10.3, 12.7], 9.1, 11.74, 7.169999999999999),
    ] as [([Double], Double, Double, Double)])
    func bitForBitWithPostgres(_ values: [Double], _ p50: Double, _ p90: Double, _ mean: Double) {
        let summary = StatisticSummary(values: values)
        #expect(summary.p50 == p50)
        #expect(summary.p90 == p90)
        #expect(summary.mean == mean)
    }
}
