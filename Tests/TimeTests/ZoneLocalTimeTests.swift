import Testing
import Time

/// Wall-clock readings around both daylight-saving changes of 2026 (US: March 8 and
/// November 1 at 02:00 local; UK: March 29 and October 25 at 01:00 UTC).
@Suite struct ZoneLocalTimeTests {
    @Test(arguments: [
        // (zone, instant, wall clock, ISO weekday, UTC offset)
        ("America/Chicago", "2026-03-08T07:59:59Z", "2026-03-08 01:59:59", 7, -21_600),
        ("America/Chicago", "2026-03-08T08:00:00Z", "2026-03-08 03:00:00", 7, -18_000),
        ("America/Chicago", "2026-03-09T04:59:59Z", "2026-03-08 23:59:59", 7, -18_000),
        ("America/Chicago", "2026-03-09T05:00:00Z", "2026-03-09 00:00:00", 1, -18_000),
        ("America/Chicago", "2026-11-01T06:30:00Z", "2026-11-01 01:30:00", 7, -18_000),
        ("America/Chicago", "2026-11-01T07:30:00Z", "2026-11-01 01:30:00", 7, -21_600),
        ("America/Chicago", "2026-01-01T05:59:59Z", "2025-12-31 23:59:59", 3, -21_600),
        ("America/Denver", "2026-03-08T08:59:59Z", "2026-03-08 01:59:59", 7, -25_200),
        ("America/Denver", "2026-03-08T09:00:00Z", "2026-03-08 03:00:00", 7, -21_600),
        ("America/Denver", "2026-11-01T07:59:59Z", "2026-11-01 01:59:59", 7, -21_600),
        ("America/Denver", "2026-11-01T08:00:00Z", "2026-11-01 01:00:00", 7, -25_200),
        ("America/Denver", "2026-11-02T06:59:59Z", "2026-11-01 23:59:59", 7, -25_200),
        ("Europe/London", "2026-03-29T00:59:59Z", "2026-03-29 00:59:59", 7, 0),
        ("Europe/London", "2026-03-29T01:00:00Z", "2026-03-29 02:00:00", 7, 3600),
        ("Europe/London", "2026-10-24T22:59:59Z", "2026-10-24 23:59:59", 6, 3600),
        ("Europe/London", "2026-10-24T23:00:00Z", "2026-10-25 00:00:00", 7, 3600),
        ("Europe/London", "2026-10-25T00:59:59Z", "2026-10-25 01:59:59", 7, 3600),
        ("Europe/London", "2026-10-25T01:00:00Z", "2026-10-25 01:00:00", 7, 0),
        ("UTC", "2026-11-26T16:43:04Z", "2026-11-26 16:43:04", 4, 0),
    ])
    func readsTheWallClock(_ name: String, _ instant: String, _ wallClock: String, _ weekday: Int, _ offset: Int) throws {
        let local = try zone(name).localDateTime(at: at(instant))
        #expect(local.wallClock == wallClock)
        #expect(local.isoWeekday == weekday)
        #expect(local.utcOffset == offset)
    }

    @Test func keepsTheFraction() throws {
        let local = try zone("America/Chicago").localDateTime(at: at("2026-03-08T07:59:59.123456Z"))
        #expect(local.microsecond == 123_456)
        #expect(local.second == 59)
        let before1970 = ZoneRules.utc.localDateTime(at: Timestamp(microseconds: -1))
        #expect(before1970.wallClock == "1969-12-31 23:59:59")
        #expect(before1970.microsecond == 999_999)
    }

    /// `hour_of_day` over the US autumn change: 01:00 happens twice, 02:00 not at all.
    @Test func hoursOfTheAutumnChange() throws {
        let chicago = try zone("America/Chicago")
        let hours = (4...9).map { chicago.localDateTime(at: at("2026-11-01T0\($0):15:00Z")).hour }
        #expect(hours == [23, 0, 1, 1, 2, 3])
        let spring = (5...9).map { chicago.localDateTime(at: at("2026-03-08T0\($0):15:00Z")).hour }
        #expect(spring == [23, 0, 1, 3, 4])
    }
}
