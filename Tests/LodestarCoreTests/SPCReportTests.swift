import LodestarCore
import Testing
import Time

@Suite struct SPCReportTests {
    private let from = Timestamp(rfc3339: "2026-11-02T00:00:00Z")!
    private let to = Timestamp(rfc3339: "2026-11-09T00:00:00Z")!

    private func row(_ region: String?, _ day: Int, offered: Int, answered: Int) -> SPCReport.Row {
        SPCReport.Row(group: GroupKey([region.map(GroupValue.text)]), periodStart: SPCFixtures.day(day),
                      figures: IndicatorFigures(tallies: [.contactsOffered: offered, .contactsAnswered: answered]))
    }

    @Test func oneSeriesPerGroupFromFiguresPerPeriod() throws {
        let rows = [
            row("south", 1, offered: 20, answered: 10), row(nil, 0, offered: 10, answered: 10),
            row("south", 0, offered: 20, answered: 20), row("north", 0, offered: 0, answered: 0),
        ]
        let report = try #require(SPCReport(indicator: .answerRate, period: .day, from: from, to: to, timeZone: "UTC",
                                            groupBy: [.region], baseline: nil, rows: rows))
        #expect(report.chart == .p)
        // north has no offered contact in any period: no series.
        #expect(report.series.map(\.group) == [GroupKey([.text("south")]), GroupKey([nil])])
        #expect(report.series[0].points.map(\.value) == [1, 0.5])
        #expect(report.series[0].centre == 0.75)
    }

    @Test func timesUseAnXmRChartOfPeriodMeans() throws {
        let rows = [(0, 30.0), (1, 50.0), (2, 40.0)].map { day, mean in
            SPCReport.Row(group: GroupKey([]), periodStart: SPCFixtures.day(day),
                          figures: IndicatorFigures(statistics: [.dispatchResponseMinutes: StatisticSummary(n: 3, mean: mean, p50: 0, p90: 0)]))
        }
        let report = try #require(SPCReport(indicator: .dispatchResponseMinutes, period: .day, from: from, to: to,
                                            timeZone: "UTC", groupBy: [], baseline: nil, rows: rows))
        #expect(report.chart == .xmr)
        #expect(report.series.count == 1)
        #expect(report.series[0].centre == 40)
        #expect(report.series[0].points.map(\.n) == [3, 3, 3])
        #expect(isClose(report.series[0].points[0].ucl, 40 + 2.66 * 15))
    }

    @Test func countsHaveNoChart() {
        #expect(SPCReport(indicator: .dispatches, period: .week, from: from, to: to, timeZone: "UTC",
                          groupBy: [], baseline: nil, rows: []) == nil)
    }

    @Test func aShiftThatGrowsIsNotNewAgain() {
        let values: [Double] = SPCFixtures.calmBaseline + [14, 15, 14, 15, 14, 15, 14]
        let before = SPCFixtures.xmr(values, baseline: 4)
        let after = SPCFixtures.xmr(values + [15], baseline: 4)
        #expect(after.signals.map(\.points) == [Array(4...11)])
        #expect(after.newSignals(since: before).isEmpty)
    }

    @Test func aShiftReachingSevenIsNew() {
        let values: [Double] = SPCFixtures.calmBaseline + [14, 15, 14, 15, 14, 15]
        let before = SPCFixtures.xmr(values, baseline: 4)
        let after = SPCFixtures.xmr(values + [14], baseline: 4)
        #expect(after.newSignals(since: before) == [SPCSignal(rule: .shift, points: Array(4...10), kind: .concern)])
        #expect(after.newSignals(since: nil) == after.signals)
    }

    @Test func aPointBeyondALimitIsNewEvenBesideAnother() {
        let before = SPCFixtures.xmr(SPCFixtures.calmBaseline + [30], baseline: 4)
        let after = SPCFixtures.xmr(SPCFixtures.calmBaseline + [30, 31], baseline: 4)
        #expect(after.newSignals(since: before) == [SPCSignal(rule: .outsideLimits, points: [5], kind: .concern)])
    }

    @Test func signalsAwayFromTheLastPointAreNotNews() {
        let after = SPCFixtures.xmr(SPCFixtures.calmBaseline + [30, 13], baseline: 4)
        #expect(after.signals.count == 1)
        #expect(after.newSignals(since: nil).isEmpty)
    }

    @Test func signalsAreMatchedByPeriodNotIndex() {
        // The later evaluation's window starts a day later, so indices shift by one.
        let values: [Double] = SPCFixtures.calmBaseline + [14, 15, 14, 15, 14, 15, 14]
        let before = SPCFixtures.xmr(values, baseline: 4)
        let samples = (values + [15]).enumerated().dropFirst().map {
            MeanSample(periodStart: SPCFixtures.day($0.offset), mean: $0.element, n: 12)
        }
        let after = SPCSeries.xmr(group: GroupKey([]), samples: samples, baseline: 3, better: .lower)!
        #expect(after.signals.map(\.rule) == [.shift])
        #expect(after.newSignals(since: before).isEmpty)
    }
}
