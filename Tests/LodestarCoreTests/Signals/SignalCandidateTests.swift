import LodestarCore
import Testing
import Time

/// The signals live signals announce: those at the end of a watched chart, over all contacts
/// and per region, only when the chart ends at its settled period.
@Suite struct SignalCandidateTests {
    /// Thursday noon: contacts' last settled day is Wednesday 2026-11-25, their last settled
    /// week the one from Monday 2026-11-16.
    static let watch = SignalWatch(zone: .utc, now: Timestamp(rfc3339: "2026-11-26T12:00:00Z")!)
    static let lastDay = CivilDate(year: 2026, month: 11, day: 25)

    /// A day of 17 contacts in `region`, `answered` of them answered in 10 seconds each.
    static func day(_ offset: Int64, region: String?, answered: Int) -> (group: GroupKey, figures: IndicatorFigures) {
        let figures = IndicatorFigures(
            tallies: [.contactsOffered: 17, .contactsAnswered: answered, .contactsAnsweredWithinTarget: answered],
            statistics: [.speedToAnswerSeconds: StatisticSummary(n: answered, mean: 10, p50: nil, p90: nil)])
        return (GroupKey([region.map(GroupValue.text), .date(lastDay.adding(days: -offset))]), figures)
    }

    /// 28 days in the north, steady at 15 of 17 answered until the last, when 3 are.
    static var north: [(group: GroupKey, figures: IndicatorFigures)] {
        (0..<28).map { day($0, region: "north", answered: $0 == 0 ? 3 : 15) }
    }

    @Test func aCollapseOnTheLastSettledDayIsAConcernOverallAndInItsRegion() {
        let found = Self.watch.candidates(Self.north)
        #expect(found.count == 2)
        for candidate in found {
            #expect(candidate.indicator == .answerRate)
            #expect(candidate.period == .day)
            #expect(candidate.signal.rule == .outsideLimits)
            #expect(candidate.signal.kind == .concern)
            #expect(candidate.raisedBy == Self.lastDay)
            #expect(candidate.points.map(\.periodStart) == [Self.lastDay])
            #expect(candidate.series.points.count == 28)
            #expect(candidate.from == Self.lastDay.adding(days: -27))
            #expect(candidate.to == Self.lastDay.adding(days: 1))
        }
        #expect(found.map(\.groupBy) == [[], [.region]])
        #expect(found[1].series.group == GroupKey([.text("north")]))
        // The steady run above the centre before it is history: it does not reach the last point.
        #expect(found[0].series.signals.contains { $0.rule == .shift })
    }

    @Test func regionsAddUpToTheOverallChart() {
        // Two regions, each steady alone; together the last day collapses.
        let rows = (0..<28).map { Self.day($0, region: "north", answered: $0 == 0 ? 3 : 15) }
            + (0..<28).map { Self.day($0, region: nil, answered: $0 == 0 ? 3 : 15) }
        let found = Self.watch.candidates(rows)
        #expect(found.map(\.series.group) == [GroupKey([]), GroupKey([.text("north")]), GroupKey([nil])])
        #expect(found[0].series.points.last?.n == 34)
    }

    @Test func aChartWhoseSettledPeriodIsEmptyRaisesNothing() {
        // The collapse was the day before: judged when that day settled.
        let rows = Self.north.map { row -> (group: GroupKey, figures: IndicatorFigures) in
            guard case .date(let day)? = row.group.values[1] else { return row }
            return (GroupKey([row.group.values[0], .date(day.adding(days: -1))]), row.figures)
        }
        #expect(Self.watch.candidates(rows).isEmpty)
    }

    @Test func daysAfterTheSettledOneAreLeftOut() {
        // Today's and yesterday's figures are not settled; the chart ends on the settled day.
        let rows = Self.north + [Self.day(-1, region: "north", answered: 0)]
        #expect(Self.watch.candidates(rows).map(\.raisedBy) == [Self.lastDay, Self.lastDay])
    }

    @Test func figuresCombineIntoOneMean() {
        let a = IndicatorFigures(tallies: [.dispatches: 2], statistics: [.dispatchResponseMinutes: StatisticSummary(n: 2, mean: 30, p50: 30, p90: 40)])
        let b = IndicatorFigures(tallies: [.dispatches: 3, .followUpsCreated: 1],
                                 statistics: [.dispatchResponseMinutes: StatisticSummary(n: 1, mean: 60, p50: 60, p90: 60)])
        let both = a.combined(with: b)
        #expect(both.tallies == [.dispatches: 5, .followUpsCreated: 1])
        #expect(both.statistics == [.dispatchResponseMinutes: StatisticSummary(n: 3, mean: 40, p50: nil, p90: nil)])
    }
}
