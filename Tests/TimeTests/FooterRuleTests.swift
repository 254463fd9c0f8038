@testable import Time
import Testing

/// Instants after a file's last transition follow the POSIX TZ rule of its footer.
@Suite struct FooterRuleTests {
    /// Debian's files list transitions to 2037; 2100 is read from the footer alone.
    @Test func farFutureFollowsTheFooter() throws {
        let chicago = try zone("America/Chicago")
        #expect(chicago.footer != nil)
        #expect(try #require(chicago.transitions.last) < at("2100-01-01T00:00:00Z").secondsSinceEpoch)
        #expect(chicago.localDateTime(at: at("2100-03-14T07:59:59Z")).wallClock == "2100-03-14 01:59:59")
        #expect(chicago.localDateTime(at: at("2100-03-14T08:00:00Z")).wallClock == "2100-03-14 03:00:00")
        #expect(chicago.localDateTime(at: at("2100-11-07T06:59:59Z")).utcOffset == -18_000)
        #expect(chicago.localDateTime(at: at("2100-11-07T07:00:00Z")).wallClock == "2100-11-07 01:00:00")
        #expect(chicago.start(of: day(2100, 3, 14)) == at("2100-03-14T06:00:00Z"))
        #expect(chicago.start(of: day(2100, 3, 15)) == at("2100-03-15T05:00:00Z"))
        #expect(chicago.start(of: day(2100, 11, 8)) == at("2100-11-08T06:00:00Z"))
        let london = try zone("Europe/London")
        // October 31, 2100 is the last Sunday of October: a 25-hour day from 00:00 BST.
        #expect(london.interval(of: .day, containing: at("2100-10-31T12:00:00Z")) == at("2100-10-30T23:00:00Z")..<at("2100-11-01T00:00:00Z"))
        #expect(london.localDateTime(at: at("2100-03-28T01:00:00Z")).wallClock == "2100-03-28 02:00:00")
    }

    /// A "slim" file (no transitions, only the footer) reads as the system's fat file does.
    @Test(arguments: [
        ("America/Chicago", "CST6CDT,M3.2.0,M11.1.0", Int32(-21_600)),
        ("America/Denver", "MST7MDT,M3.2.0,M11.1.0", -25_200),
        ("Europe/London", "GMT0BST,M3.5.0/1,M10.5.0", 0),
        ("Australia/Sydney", "AEST-10AEDT,M10.1.0,M4.1.0/3", 36_000),
        ("Asia/Jerusalem", "IST-2IDT,M3.4.4/26,M10.5.0", 7200),
        ("America/Nuuk", "<-02>2<-01>,M3.5.0/-1,M10.5.0/0", -7200),
        ("Asia/Kolkata", "IST-5:30", 19_800),
    ])
    func slimFilesMatchFatOnes(_ name: String, _ footer: String, _ standardOffset: Int32) throws {
        let fat = try zone(name)
        let slim = try ZoneRules(name: name, tzif: TZifBuilder(types: [(standardOffset, 0)], footer: footer).bytes)
        // Every six hours and a bit from 2025 to 2037, where the fat file still lists transitions.
        var instant = at("2025-01-01T00:00:00Z")
        while instant < at("2037-12-01T00:00:00Z") {
            #expect(slim.localDateTime(at: instant) == fat.localDateTime(at: instant), "\(instant.rfc3339)")
            let date = fat.localDateTime(at: instant).date
            #expect(slim.start(of: date) == fat.start(of: date), "\(date.rfc3339)")
            instant = instant.adding(seconds: 6 * 3600 + 37)
        }
    }

    @Test func daylightSavingAllYear() throws {
        // RFC 8536's example: daylight-saving time from January 1 00:00 to past December 31 24:00.
        let rules = try ZoneRules(name: "x", tzif: TZifBuilder(types: [(-18_000, 0)], footer: "EST5EDT,0/0,J365/25").bytes)
        for text in ["2026-01-01T00:00:00Z", "2026-01-01T05:00:00Z", "2026-07-01T00:00:00Z", "2026-12-31T23:59:59Z", "2028-12-31T12:00:00Z"] {
            #expect(rules.utcOffset(at: at(text)) == -14_400, "\(text)")
        }
        #expect(rules.start(of: day(2027, 1, 1)) == at("2027-01-01T04:00:00Z"))
    }

    @Test(arguments: [
        ("UTC0", 0, nil),
        ("<+0530>-5:30", 19_800, nil),
        ("<-03>3", -10_800, nil),
        ("EST5EDT4,M3.2.0/2:00:00,M11.1.0/2:00:00", -18_000, -14_400),
        ("CET-1CEST,M3.5.0,M10.5.0/3", 3600, 7200),
        ("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0", 37_800, 39_600),
    ] as [(String, Int, Int?)])
    func parsesTZStrings(_ text: String, _ standard: Int, _ daylight: Int?) throws {
        let rule = try #require(PosixTZRule(ArraySlice(text.utf8)))
        #expect(rule.standardOffset == standard)
        #expect(rule.daylightSaving?.offset == daylight)
    }

    @Test(arguments: [
        "", "CST", "CST6CDT", "CST6CDT,M3.2.0", "CST6CDT,M3.2.0,", "<+05", "<+05>", "AB5", "CST25", "C1T6",
        "CST6CDT,M13.1.0,M11.1.0", "CST6CDT,M3.6.0,M11.1.0", "CST6CDT,M3.2.7,M11.1.0", "CST6CDT,J0,J365",
        "CST6CDT,366,0", "CST6CDT,M3.2.0/168,M11.1.0", "CST6:60", "CST6CDT,M3.2.0,M11.1.0 ", "CST6 ",
    ])
    func rejectsOtherStrings(_ text: String) {
        #expect(PosixTZRule(ArraySlice(text.utf8)) == nil)
    }

    @Test func dayRules() {
        // Julian days never count February 29; zero-based days do.
        #expect(CivilDate(daysSinceEpoch: PosixTZRule.Day.julian(60).daysSinceEpoch(year: 2028)) == day(2028, 3, 1))
        #expect(CivilDate(daysSinceEpoch: PosixTZRule.Day.ordinal(59).daysSinceEpoch(year: 2028)) == day(2028, 2, 29))
        #expect(CivilDate(daysSinceEpoch: PosixTZRule.Day.julian(365).daysSinceEpoch(year: 2028)) == day(2028, 12, 31))
        // Week 5 means the last such weekday: the fourth Sunday of February 2026, the fifth of March.
        #expect(CivilDate(daysSinceEpoch: PosixTZRule.Day.weekday(month: 2, week: 5, weekday: 0).daysSinceEpoch(year: 2026)) == day(2026, 2, 22))
        #expect(CivilDate(daysSinceEpoch: PosixTZRule.Day.weekday(month: 3, week: 5, weekday: 0).daysSinceEpoch(year: 2026)) == day(2026, 3, 29))
        #expect(CivilDate(daysSinceEpoch: PosixTZRule.Day.weekday(month: 3, week: 2, weekday: 0).daysSinceEpoch(year: 2026)) == day(2026, 3, 8))
        #expect(CivilDate(daysSinceEpoch: PosixTZRule.Day.weekday(month: 11, week: 1, weekday: 0).daysSinceEpoch(year: 2026)) == day(2026, 11, 1))
    }
}
