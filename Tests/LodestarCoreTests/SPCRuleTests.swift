import LodestarCore
import Testing

/// Hand-worked series for each signal rule, on held baselines so the centre and limits are
/// known: `calmBaseline` is centre 13, limits 7.68–18.32, 2σ lines 9.4533 and 16.5467;
/// `wideBaseline` is centre 15, limits −11.6–41.6.
@Suite struct SPCRuleTests {
    @Test func shiftOfSevenPoints() {
        let series = SPCFixtures.xmr(SPCFixtures.calmBaseline + [14, 15, 14, 15, 14, 15, 14], baseline: 4)
        #expect(series.signals == [SPCSignal(rule: .shift, points: Array(4...10), kind: .concern)])
    }

    @Test func sixPointsAreNoShift() {
        let series = SPCFixtures.xmr(SPCFixtures.calmBaseline + [14, 15, 14, 15, 14, 15, 12], baseline: 4)
        #expect(series.signals.isEmpty)
    }

    @Test func aPointOnTheCentreBreaksAShift() {
        let broken = SPCFixtures.xmr(SPCFixtures.calmBaseline + [14, 15, 14, 13, 15, 14, 15, 14], baseline: 4)
        #expect(broken.signals.isEmpty)
        let whole = SPCFixtures.xmr(SPCFixtures.calmBaseline + [14, 15, 14, 14, 15, 14, 15, 14], baseline: 4)
        #expect(whole.signals == [SPCSignal(rule: .shift, points: Array(4...11), kind: .concern)])
    }

    @Test func shiftBelowIsAnImprovementForATime() {
        let series = SPCFixtures.xmr([12, 14, 12, 14] + [12, 11, 12, 11, 12, 11, 12, 11, 12], baseline: 4)
        #expect(series.signals == [SPCSignal(rule: .shift, points: Array(4...12), kind: .improvement)])
    }

    @Test func trendOfExactlySevenPoints() {
        let series = SPCFixtures.xmr(SPCFixtures.wideBaseline + [11, 12, 13, 14, 15, 16, 17], baseline: 4)
        #expect(series.signals == [SPCSignal(rule: .trend, points: Array(4...10), kind: .concern)])
    }

    @Test func sixRisingPointsAreNoTrend() {
        let series = SPCFixtures.xmr(SPCFixtures.wideBaseline + [11, 12, 13, 14, 15, 16, 10], baseline: 4)
        #expect(series.signals.isEmpty)
    }

    @Test func equalNeighboursBreakATrend() {
        let series = SPCFixtures.xmr(SPCFixtures.wideBaseline + [11, 12, 13, 13, 14, 15, 16, 17], baseline: 4)
        #expect(series.signals.isEmpty)
    }

    @Test func fallingTrendIncludesItsFirstPoint() {
        // The run starts at the baseline's last point (20): 20 > 19 > … > 14 is 7 points.
        let series = SPCFixtures.xmr(SPCFixtures.wideBaseline + [19, 18, 17, 16, 15.5, 14], baseline: 4, better: .higher)
        #expect(series.signals == [SPCSignal(rule: .trend, points: Array(3...9), kind: .concern)])
    }

    @Test func longerTrendIsOneSignal() {
        let series = SPCFixtures.xmr(SPCFixtures.wideBaseline + [11, 12, 13, 14, 15.5, 16, 17, 18, 19], baseline: 4, better: .higher)
        #expect(series.signals == [SPCSignal(rule: .trend, points: Array(4...12), kind: .improvement)])
    }

    @Test func twoOfThreeBeyondTwoSigma() {
        // 17 is beyond 16.5467 and inside 18.32; 14 is above the centre but within 2σ.
        let series = SPCFixtures.xmr(SPCFixtures.calmBaseline + [17, 14, 17, 12], baseline: 4)
        #expect(series.signals == [SPCSignal(rule: .twoOfThree, points: [4, 6], kind: .concern)])
    }

    @Test func twoOfThreeNeedsAllThreeOnTheSide() {
        let series = SPCFixtures.xmr(SPCFixtures.calmBaseline + [17, 12, 17, 12], baseline: 4)
        #expect(series.signals.isEmpty)
    }

    @Test func oneBeyondTwoSigmaIsNotEnough() {
        let series = SPCFixtures.xmr(SPCFixtures.calmBaseline + [17, 14, 15, 12], baseline: 4)
        #expect(series.signals.isEmpty)
    }

    @Test func overlappingTwoOfThreeWindowsAreOneSignal() {
        let series = SPCFixtures.xmr(SPCFixtures.calmBaseline + [17, 17, 17, 17, 12], baseline: 4, better: .higher)
        #expect(series.signals == [SPCSignal(rule: .twoOfThree, points: [4, 5, 6, 7], kind: .improvement)])
    }

    @Test func twoOfThreeBelowWithAPointBeyondTheLimit() {
        // 7 is below the lower limit 7.68 and beyond 2σ; 9 is beyond 9.4533 only.
        let series = SPCFixtures.xmr(SPCFixtures.calmBaseline + [7, 12, 9, 14], baseline: 4)
        #expect(series.signals == [
            SPCSignal(rule: .outsideLimits, points: [4], kind: .improvement),
            SPCSignal(rule: .twoOfThree, points: [4, 6], kind: .improvement),
        ])
    }

    @Test func twoOfThreeOnAPChartUsesEachPointsOwnSigma() {
        // p̄ = 0.5 from the baseline. At n = 100 (σ 0.05) 0.62 is beyond the 2σ line 0.60; at
        // n = 50 (σ 0.0707) the same 0.62 is within its 2σ line 0.6414.
        let baseline = [(50, 100), (50, 100)]
        let fires = SPCFixtures.pChart(baseline + [(62, 100), (55, 100), (62, 100)], baseline: 2)
        #expect(fires.signals == [SPCSignal(rule: .twoOfThree, points: [2, 4], kind: .improvement)])
        let quiet = SPCFixtures.pChart(baseline + [(62, 100), (55, 100), (31, 50)], baseline: 2)
        #expect(quiet.points[4].value == 0.62)
        #expect(quiet.signals.isEmpty)
    }

    @Test func twoOfThreeUnderAClippedLimitIsTwoThirdsOfTheWayToIt() {
        // p̄ = 0.6; at n = 4 the upper limit 0.6 + 3 × 0.2449 = 1.3348 is clipped to 1, so 2σ lies
        // at 0.6 + ⅔ × 0.4 = 0.8667 (SPEC §7), not at 0.6 + 2 × 0.2449 = 1.0899, which no rate
        // can pass. 1.0 is beyond it and on the limit, not beyond that.
        let series = SPCFixtures.pChart([(6, 10), (6, 10), (4, 4), (3, 4), (4, 4)], baseline: 2)
        #expect(series.points[2].ucl == 1)
        #expect(series.signals == [SPCSignal(rule: .twoOfThree, points: [2, 4], kind: .improvement)])
    }

    @Test func signalsAreOrderedByFirstPointThenRule() {
        // A shift of 7 below whose first point is also beyond the lower limit.
        let series = SPCFixtures.xmr(SPCFixtures.calmBaseline + [14, 7, 12, 11, 12, 11, 12, 11], baseline: 4)
        #expect(series.signals.map(\.rule) == [.outsideLimits, .shift])
        #expect(series.signals.map(\.points.first) == [5, 5])
    }
}
