import Testing
import Time

@Suite struct CivilDateTests {
    @Test func convertsToAndFromDayCounts() {
        for days in stride(from: Int64(-800_000), through: 3_000_000, by: 997) {
            #expect(CivilDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(CivilDate(daysSinceEpoch: 0) == CivilDate(year: 1970, month: 1, day: 1))
        #expect(CivilDate(year: 2026, month: 11, day: 26).isoWeekday == 4)
        #expect(CivilDate(year: 2026, month: 11, day: 30).isoWeekday == 1)
        #expect(CivilDate(year: 1969, month: 12, day: 28).isoWeekday == 7)
        #expect(CivilDate(year: 2024, month: 2, day: 29).isValid)
        #expect(!CivilDate(year: 2100, month: 2, day: 29).isValid)
    }

    @Test func addsDaysAndFormats() {
        #expect(CivilDate(year: 2026, month: 12, day: 31).adding(days: 1) == CivilDate(year: 2027, month: 1, day: 1))
        #expect(CivilDate(year: 2024, month: 3, day: 1).adding(days: -1) == CivilDate(year: 2024, month: 2, day: 29))
        #expect(CivilDate(year: 2026, month: 3, day: 8).rfc3339 == "2026-03-08")
        #expect(CivilDate(year: 987, month: 1, day: 2).rfc3339 == "0987-01-02")
    }

    @Test(arguments: [
        // (date, ISO year, week, the Monday that starts it)
        ((2026, 12, 31), 2026, 53, (2026, 12, 28)),
        ((2027, 1, 1), 2026, 53, (2026, 12, 28)),
        ((2027, 1, 3), 2026, 53, (2026, 12, 28)),
        ((2027, 1, 4), 2027, 1, (2027, 1, 4)),
        ((2020, 12, 31), 2020, 53, (2020, 12, 28)),
        ((2021, 1, 3), 2020, 53, (2020, 12, 28)),
        ((2021, 1, 4), 2021, 1, (2021, 1, 4)),
        ((2025, 12, 29), 2026, 1, (2025, 12, 29)),
        ((2026, 1, 1), 2026, 1, (2025, 12, 29)),
        ((2026, 3, 8), 2026, 10, (2026, 3, 2)),
        ((2026, 11, 1), 2026, 44, (2026, 10, 26)),
    ] as [((Int, Int, Int), Int, Int, (Int, Int, Int))])
    func isoWeeks(_ date: (Int, Int, Int), _ year: Int, _ week: Int, _ monday: (Int, Int, Int)) {
        let day = CivilDate(year: date.0, month: date.1, day: date.2)
        let start = CivilDate(year: monday.0, month: monday.1, day: monday.2)
        #expect(day.isoWeek == ISOWeek(year: year, week: week))
        #expect(day.isoWeekStart == start)
        #expect(ISOWeek(year: year, week: week).monday == start)
        #expect(CalendarPeriod.week.firstDay(containing: day) == start)
        #expect(CalendarPeriod.week.firstDayOfNext(containing: day) == start.adding(days: 7))
    }

    @Test func everyDayIsInTheWeekItsMondayStarts() {
        var date = CivilDate(year: 1999, month: 12, day: 1)
        while date.year < 2031 {
            let week = date.isoWeek
            #expect((1...53).contains(week.week))
            #expect(week.monday == date.isoWeekStart)
            #expect(week.monday.isoWeekday == 1)
            date = date.adding(days: 1)
        }
    }

    @Test func monthsAndDays() {
        let date = CivilDate(year: 2026, month: 12, day: 31)
        #expect(CalendarPeriod.month.firstDay(containing: date) == CivilDate(year: 2026, month: 12, day: 1))
        #expect(CalendarPeriod.month.firstDayOfNext(containing: date) == CivilDate(year: 2027, month: 1, day: 1))
        #expect(CalendarPeriod.month.firstDayOfNext(containing: CivilDate(year: 2026, month: 2, day: 14))
            == CivilDate(year: 2026, month: 3, day: 1))
        #expect(CalendarPeriod.day.firstDay(containing: date) == date)
        #expect(CalendarPeriod.day.firstDayOfNext(containing: date) == CivilDate(year: 2027, month: 1, day: 1))
        #expect(CalendarPeriod(rawValue: "week") == .week)
    }
}
