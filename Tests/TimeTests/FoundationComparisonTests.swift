import Foundation
import Testing
import Time

/// A sample of conversions checked against Foundation's `Calendar` (ICU's copy of the tz
/// database), in years whose rules both copies agree on.
@Suite struct FoundationComparisonTests {
    @Test(arguments: ["America/Chicago", "America/Denver", "Europe/London", "Australia/Sydney", "Asia/Kolkata", "America/New_York", "America/Phoenix", "Pacific/Honolulu", "America/Anchorage"])
    func agreesWithFoundation(_ name: String) throws {
        let rules = try zone(name)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: name))
        var state: UInt64 = 7
        for index in 0..<3000 {
            // Every hour and a bit through 2026, then random instants from 2010 to 2037.
            let seconds: Int64
            if index < 2200 {
                seconds = at("2026-01-01T00:00:00Z").secondsSinceEpoch + Int64(index) * 3989
            } else {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                seconds = 1_262_304_000 + Int64(state >> 33) % 883_612_800
            }
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            let expected = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
            let local = rules.localDateTime(at: Timestamp(secondsSinceEpoch: seconds))
            let isoWeekday = (expected.weekday! + 5) % 7 + 1
            let ours: [Int] = [local.year, local.month, local.day, local.hour, local.minute, local.second, local.isoWeekday]
            let theirs: [Int] = [expected.year!, expected.month!, expected.day!, expected.hour!, expected.minute!, expected.second!, isoWeekday]
            #expect(ours == theirs, "\(name) at \(seconds)")
            #expect(local.utcOffset == calendar.timeZone.secondsFromGMT(for: date))
            let dayStart = calendar.startOfDay(for: date).timeIntervalSince1970
            #expect(rules.start(of: local.date) == Timestamp(secondsSinceEpoch: Int64(dayStart)), "\(name) on \(local.date.rfc3339)")
        }
    }

    /// RFC 3339 output against Foundation's formatting of the same instant (UTC, the Gregorian
    /// calendar, years 1900 to 9999), and the fraction's width: three digits on a whole
    /// millisecond, six otherwise.
    @Test func rfc3339OutputMatchesFoundation() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        var state: UInt64 = 7
        let first: Int64 = -2_208_988_800, span: Int64 = 253_402_300_800 - first
        for index in 0..<3000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let seconds = first + Int64(state >> 20) % span
            let micros = index % 2 == 0 ? Int64(state % 1000) * 1000 : Int64(state % 1_000_000)
            let text = Timestamp(microseconds: seconds * 1_000_000 + micros).rfc3339
            let fraction = micros % 1000 == 0 ? String(format: "%03lld", micros / 1000) : String(format: "%06lld", micros)
            let expected = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))) + "." + fraction + "Z"
            #expect(text == expected)
        }
    }
}
