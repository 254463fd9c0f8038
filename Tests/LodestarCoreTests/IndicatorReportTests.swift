import LodestarCore
import Testing
import Time

@Suite struct IndicatorReportTests {
    @Test func rowsHaveFiguresAndAreOrderedByGroupWithNullsLast() {
        let offered = IndicatorFigures(tallies: [.contactsOffered: 12])
        let groups: [(group: GroupKey, figures: IndicatorFigures)] = [
            (GroupKey([nil, .date(CivilDate(year: 2026, month: 11, day: 2))]), offered),
            (GroupKey([.text("south"), .date(CivilDate(year: 2026, month: 11, day: 2))]), offered),
            (GroupKey([.text("north"), .date(CivilDate(year: 2026, month: 11, day: 9))]), offered),
            (GroupKey([.text("north"), .date(CivilDate(year: 2026, month: 11, day: 2))]), offered),
            (GroupKey([.text("east"), .date(CivilDate(year: 2026, month: 11, day: 2))]), IndicatorFigures(tallies: [.contactsOffered: 0])),
        ]
        let report = IndicatorReport(from: Timestamp(rfc3339: "2026-11-01T00:00:00Z")!, to: Timestamp(rfc3339: "2026-12-01T00:00:00Z")!,
                                     timeZone: "UTC", groupBy: [.region, .week], policy: .standard, groups: groups)
        #expect(report.rows.map { $0.group.values.map { $0?.text } } == [
            ["north", "2026-11-02"], ["north", "2026-11-09"], ["south", "2026-11-02"], [nil, "2026-11-02"],
        ])
        #expect(report.rows.allSatisfy { $0.values[.contactsOffered] == .count(12) })
    }

    @Test func groupValuesOrder() {
        #expect(GroupValue.integer(2) < .integer(10))
        #expect(GroupValue.text("10") < .text("2"))
        #expect(GroupValue.text("Zeta") < .text("alpha"))
        #expect(!(GroupKey([.integer(3), nil]) < GroupKey([.integer(3), .text("a")])))
        #expect(GroupValue.integer(7).text == "7")
    }
}
