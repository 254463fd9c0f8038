import LodestarCore
import Time

/// Hand-worked series: one point per day from 2026-11-02.
enum SPCFixtures {
    static let firstDay = CivilDate(year: 2026, month: 11, day: 2)

    static func day(_ index: Int) -> CivilDate {
        firstDay.adding(days: Int64(index))
    }

    static func xmr(_ values: [Double], baseline: Int? = nil, better: BetterDirection = .lower) -> SPCSeries {
        let samples = values.enumerated().map { MeanSample(periodStart: day($0.offset), mean: $0.element, n: 12) }
        return SPCSeries.xmr(group: GroupKey([]), samples: samples, baseline: baseline, better: better)!
    }

    static func pChart(_ counts: [(Int, Int)], baseline: Int? = nil, better: BetterDirection = .higher) -> SPCSeries {
        let samples = counts.enumerated().map {
            ProportionSample(periodStart: day($0.offset), numerator: $0.element.0, denominator: $0.element.1)
        }
        return SPCSeries.pChart(group: GroupKey([]), samples: samples, baseline: baseline, better: better)!
    }

    /// A baseline of four points around 13 (centre 13, mean moving range 2: limits
    /// 13 ± 5.32, 2σ lines at 13 ± 3.5467) that ends below the centre.
    static let calmBaseline: [Double] = [14, 12, 14, 12]

    /// A baseline with wide limits (centre 15, limits 15 ± 26.6) that ends above the centre.
    static let wideBaseline: [Double] = [10, 20, 10, 20]
}

func isClose(_ value: Double?, _ expected: Double) -> Bool {
    guard let value else { return false }
    return abs(value - expected) < 1e-9
}
