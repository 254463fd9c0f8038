import LodestarCore
import Testing
import Time

@Suite struct SPCChartTests {
    @Test func xmrCentreAndLimits() throws {
        // Mean 13; moving ranges 4, 2, 4 average 10/3; 2.66 × 10/3 = 8.8666…
        let series = SPCFixtures.xmr([10, 14, 12, 16])
        #expect(series.centre == 13)
        let point = series.points[2]
        #expect(isClose(point.lcl, 13 - 2.66 * 10 / 3))
        #expect(isClose(point.ucl, 13 + 2.66 * 10 / 3))
        #expect(series.points.map(\.periodStart) == (0..<4).map(SPCFixtures.day))
        #expect(series.points.allSatisfy { $0.lcl == point.lcl && $0.ucl == point.ucl && $0.n == 12 })
        #expect(series.signals.isEmpty)
    }

    @Test func xmrLimitsAreNotClippedAtZero() {
        let series = SPCFixtures.xmr([1, 9, 1, 9])
        #expect(isClose(series.points[0].lcl, 5 - 2.66 * 8))
    }

    @Test func xmrHeldBaseline() {
        // Centre and limits from the first four points only: 13 ± 5.32; later points do not move them.
        let series = SPCFixtures.xmr(SPCFixtures.calmBaseline + [30, 13, 13], baseline: 4)
        #expect(series.centre == 13)
        #expect(series.points.allSatisfy { isClose($0.ucl, 18.32) && isClose($0.lcl, 7.68) })
        #expect(series.signals == [SPCSignal(rule: .outsideLimits, points: [4], kind: .concern)])
        // Without a held baseline the outlier widens its own limits and hides itself.
        let rebased = SPCFixtures.xmr(SPCFixtures.calmBaseline + [30, 13, 13])
        #expect(isClose(rebased.centre, 108.0 / 7))
        #expect(rebased.signals.isEmpty)
    }

    @Test func xmrWithOneBaselinePointHasNoLimits() {
        let series = SPCFixtures.xmr([10, 50, 12], baseline: 1)
        #expect(series.centre == 10)
        #expect(series.points.allSatisfy { $0.lcl == nil && $0.ucl == nil })
        #expect(series.signals.isEmpty)
        #expect(SPCFixtures.xmr([4]).points[0].ucl == nil)
    }

    @Test func baselineLongerThanTheSeriesUsesEveryPoint() {
        #expect(SPCFixtures.xmr([10, 14, 12, 16], baseline: 40) == SPCFixtures.xmr([10, 14, 12, 16]))
    }

    @Test func pChartWithVaryingDenominators() {
        // p̄ = 200 / 400 = 0.5; σᵢ = √(0.25 / nᵢ): 0.05 at 100, 0.0707 at 50, 0.0354 at 200.
        let series = SPCFixtures.pChart([(50, 100), (30, 50), (80, 200), (40, 50)])
        #expect(series.centre == 0.5)
        #expect(series.points.map(\.value) == [0.5, 0.6, 0.4, 0.8])
        #expect(series.points.map(\.n) == [100, 50, 200, 50])
        #expect(isClose(series.points[0].lcl, 0.35) && isClose(series.points[0].ucl, 0.65))
        #expect(isClose(series.points[1].ucl, 0.5 + 3 * 0.5 / 50.0.squareRoot()))
        #expect(isClose(series.points[2].lcl, 0.5 - 3 * 0.5 / 200.0.squareRoot()))
        // 0.8 is beyond its own limit (0.7121); a higher rate is better.
        #expect(series.signals == [SPCSignal(rule: .outsideLimits, points: [3], kind: .improvement)])
    }

    @Test func pChartLimitsAreClippedAndAPointOnALimitIsNotBeyondIt() {
        // p̄ = 77 / 80 = 0.9625, σ = 0.0425 at n = 20: the upper limit 1.0899 is clipped to 1.
        let series = SPCFixtures.pChart([(19, 20), (20, 20), (18, 20), (20, 20)])
        #expect(series.points.allSatisfy { $0.ucl == 1 })
        #expect(isClose(series.points[0].lcl, 0.9625 - 3 * (0.9625 * 0.0375 / 20).squareRoot()))
        #expect(series.signals.isEmpty)
    }

    @Test func pChartHeldBaseline() {
        // Baseline p̄ = 20 / 200 = 0.1, σ = 0.03 at n = 100: 0.3 is beyond 0.19, and a higher
        // abandonment rate is a concern.
        let held = SPCFixtures.pChart([(10, 100), (10, 100), (30, 100)], baseline: 2, better: .lower)
        #expect(held.centre == 0.1)
        #expect(isClose(held.points[2].ucl, 0.19))
        #expect(held.signals == [SPCSignal(rule: .outsideLimits, points: [2], kind: .concern)])
        let all = SPCFixtures.pChart([(10, 100), (10, 100), (30, 100)], better: .lower)
        #expect(isClose(all.centre, 50.0 / 300))
    }

    @Test func periodsWithoutAValueAreLeftOut() {
        let series = SPCFixtures.pChart([(5, 10), (0, 0), (6, 10)])
        #expect(series.points.map(\.periodStart) == [SPCFixtures.day(0), SPCFixtures.day(2)])
        #expect(series.centre == 0.55)
        let none = SPCSeries.pChart(group: GroupKey([]), samples: [ProportionSample(periodStart: SPCFixtures.day(0), numerator: 0, denominator: 0)],
                                    baseline: nil, better: .higher)
        #expect(none == nil)
        #expect(SPCSeries.xmr(group: GroupKey([]), samples: [MeanSample(periodStart: SPCFixtures.day(0), mean: 3, n: 0)],
                              baseline: nil, better: .lower) == nil)
    }

    @Test func samplesAreChartedInTimeOrder() {
        let samples = [2, 0, 1].map { ProportionSample(periodStart: SPCFixtures.day($0), numerator: $0, denominator: 10) }
        let series = SPCSeries.pChart(group: GroupKey([]), samples: samples, baseline: 1, better: .higher)!
        #expect(series.points.map(\.value) == [0, 0.1, 0.2])
        #expect(series.centre == 0)
    }
}
