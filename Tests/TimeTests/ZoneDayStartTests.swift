import Testing
import Time

/// Where local days, ISO weeks and months start: the bounds of report periods.
@Suite struct ZoneDayStartTests {
    @Test(arguments: [
        // (zone, date, its first instant, the next day's, hours in the day)
        ("America/Chicago", (2026, 3, 8), "2026-03-08T06:00:00Z", "2026-03-09T05:00:00Z", 23),
        ("America/Chicago", (2026, 11, 1), "2026-11-01T05:00:00Z", "2026-11-02T06:00:00Z", 25),
        ("America/Chicago", (2026, 7, 4), "2026-07-04T05:00:00Z", "2026-07-05T05:00:00Z", 24),
        ("America/Denver", (2026, 3, 8), "2026-03-08T07:00:00Z", "2026-03-09T06:00:00Z", 23),
        ("America/Denver", (2026, 11, 1), "2026-11-01T06:00:00Z", "2026-11-02T07:00:00Z", 25),
        ("Europe/London", (2026, 3, 29), "2026-03-29T00:00:00Z", "2026-03-29T23:00:00Z", 23),
        ("Europe/London", (2026, 10, 25), "2026-10-24T23:00:00Z", "2026-10-26T00:00:00Z", 25),
        // Havana changes at midnight: in March the day starts at 01:00, the first instant it
        // has; in November midnight happens twice and the day starts at the first.
        ("America/Havana", (2026, 3, 8), "2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z", 23),
        ("America/Havana", (2026, 11, 1), "2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z", 25),
        // São Paulo fell back from 00:00 to 23:00 of the day before.
        ("America/Sao_Paulo", (2018, 2, 17), "2018-02-17T02:00:00Z", "2018-02-18T03:00:00Z", 25),
        ("America/Sao_Paulo", (2018, 11, 4), "2018-11-04T03:00:00Z", "2018-11-05T02:00:00Z", 23),
    ] as [(String, (Int, Int, Int), String, String, Int)])
    func daysStart(_ name: String, _ date: (Int, Int, Int), _ start: String, _ next: String, _ hours: Int) throws {
        let rules = try zone(name)
        let civil = day(date.0, date.1, date.2)
        #expect(rules.start(of: civil) == at(start))
        #expect(rules.start(of: civil.adding(days: 1)) == at(next))
        #expect(rules.interval(of: .day, containing: at(start)) == at(start)..<at(next))
        #expect(rules.interval(of: .day, containing: at(next).adding(seconds: -1)) == at(start)..<at(next))
        #expect(at(next).seconds(since: at(start)) == Double(hours * 3600))
        #expect(rules.localDateTime(at: at(start)).date == civil)
        #expect(rules.localDateTime(at: at(start).adding(seconds: -1)).date == civil.adding(days: -1))
    }

    @Test(arguments: [
        // (zone, period, an instant, the period's first instant, the next period's)
        ("America/Chicago", CalendarPeriod.week, "2026-03-08T12:00:00Z", "2026-03-02T06:00:00Z", "2026-03-09T05:00:00Z"),
        ("America/Chicago", .week, "2026-03-02T05:59:59Z", "2026-02-23T06:00:00Z", "2026-03-02T06:00:00Z"),
        ("America/Chicago", .week, "2026-03-02T06:00:00Z", "2026-03-02T06:00:00Z", "2026-03-09T05:00:00Z"),
        ("America/Chicago", .week, "2026-11-01T07:30:00Z", "2026-10-26T05:00:00Z", "2026-11-02T06:00:00Z"),
        ("America/Chicago", .month, "2026-03-15T12:00:00Z", "2026-03-01T06:00:00Z", "2026-04-01T05:00:00Z"),
        ("America/Chicago", .month, "2026-11-01T04:59:59Z", "2026-10-01T05:00:00Z", "2026-11-01T05:00:00Z"),
        ("America/Chicago", .month, "2026-11-01T05:00:00Z", "2026-11-01T05:00:00Z", "2026-12-01T06:00:00Z"),
        ("America/Chicago", .day, "2026-11-01T07:30:00Z", "2026-11-01T05:00:00Z", "2026-11-02T06:00:00Z"),
        ("America/Denver", .week, "2026-03-08T08:30:00Z", "2026-03-02T07:00:00Z", "2026-03-09T06:00:00Z"),
        ("America/Denver", .month, "2026-11-30T12:00:00Z", "2026-11-01T06:00:00Z", "2026-12-01T07:00:00Z"),
        ("Europe/London", .week, "2026-10-25T12:00:00Z", "2026-10-18T23:00:00Z", "2026-10-26T00:00:00Z"),
        ("Europe/London", .week, "2026-03-29T12:00:00Z", "2026-03-23T00:00:00Z", "2026-03-29T23:00:00Z"),
        ("Europe/London", .month, "2026-10-31T23:59:59Z", "2026-09-30T23:00:00Z", "2026-11-01T00:00:00Z"),
        ("Europe/London", .month, "2026-03-31T22:59:59Z", "2026-03-01T00:00:00Z", "2026-03-31T23:00:00Z"),
        ("Europe/London", .month, "2026-03-31T23:00:00Z", "2026-03-31T23:00:00Z", "2026-04-30T23:00:00Z"),
        // ISO week 2026-W53 runs into 2027, in UTC.
        ("UTC", .week, "2027-01-01T12:00:00Z", "2026-12-28T00:00:00Z", "2027-01-04T00:00:00Z"),
    ] as [(String, CalendarPeriod, String, String, String)])
    func periodsAreHalfOpen(_ name: String, _ period: CalendarPeriod, _ instant: String, _ start: String, _ next: String) throws {
        let interval = try zone(name).interval(of: period, containing: at(instant))
        #expect(interval == at(start)..<at(next))
        #expect(interval.contains(at(instant)))
    }
}
