import LodestarCore
import Testing
import Time
import ZoneInfo

/// Which period of a watched chart is settled, and what the watch covers (SPEC §7 live signals).
@Suite struct SignalWatchTests {
    static func at(_ text: String, zone: ZoneRules = .utc) -> SignalWatch {
        SignalWatch(zone: zone, now: Timestamp(rfc3339: text)!)
    }

    static func date(_ text: String) -> CivilDate {
        let parts = text.split(separator: "-").map { Int($0)! }
        return CivilDate(year: parts[0], month: parts[1], day: parts[2])
    }

    @Test func aDayIsSettledAnHourAfterItEndsForContacts() {
        #expect(Self.at("2026-11-30T00:30:00Z").lastSettled(.day, for: .answerRate) == Self.date("2026-11-28"))
        #expect(Self.at("2026-11-30T00:59:59Z").lastSettled(.day, for: .speedToAnswerSeconds) == Self.date("2026-11-28"))
        #expect(Self.at("2026-11-30T01:00:00Z").lastSettled(.day, for: .answerRate) == Self.date("2026-11-29"))
    }

    @Test func dispatchFiguresSettleADayAndFollowUpsAWeek() {
        let noon = Self.at("2026-11-30T12:00:00Z")
        #expect(noon.lastSettled(.day, for: .dispatchResponseMinutes) == Self.date("2026-11-28"))
        #expect(noon.lastSettled(.day, for: .contactToSceneMinutes) == Self.date("2026-11-28"))
        #expect(noon.lastSettled(.day, for: .followUpCompletionRate) == Self.date("2026-11-22"))
        #expect(noon.lastSettled(.week, for: .followUpOnTimeRate) == Self.date("2026-11-16"))
        #expect(noon.lastSettled(.week, for: .dispatchWithinTargetRate) == Self.date("2026-11-16"))
        #expect(noon.lastSettled(.week, for: .answerRate) == Self.date("2026-11-23"))
        #expect(Self.at("2026-11-30T00:30:00Z").lastSettled(.week, for: .answerRate) == Self.date("2026-11-16"))
    }

    @Test func periodsEndAtTheZonesMidnight() throws {
        let chicago = try ZoneInfoDatabase.system.rules(named: "America/Chicago")
        #expect(Self.at("2026-11-30T06:30:00Z", zone: chicago).lastSettled(.day, for: .answerRate) == Self.date("2026-11-28"))
        #expect(Self.at("2026-11-30T07:00:00Z", zone: chicago).lastSettled(.day, for: .answerRate) == Self.date("2026-11-29"))
        // Summer time: midnight is 05:00 UTC.
        #expect(Self.at("2026-10-30T05:59:59Z", zone: chicago).lastSettled(.day, for: .answerRate) == Self.date("2026-10-28"))
        #expect(Self.at("2026-10-30T06:00:00Z", zone: chicago).lastSettled(.day, for: .answerRate) == Self.date("2026-10-29"))
        let window = Self.at("2026-11-30T12:00:00Z", zone: chicago).window
        #expect(window.upperBound == Timestamp(rfc3339: "2026-11-30T06:00:00Z"))
        #expect(window.lowerBound == Timestamp(rfc3339: "2026-05-25T05:00:00Z"))
    }

    @Test func theWindowHoldsEveryWatchedChart() {
        let watch = Self.at("2026-11-30T12:00:00Z")
        // 26 weeks ending at the week settled a week after its end, from Monday 2026-05-25.
        #expect(watch.window == Timestamp(rfc3339: "2026-05-25T00:00:00Z")!..<Timestamp(rfc3339: "2026-11-30T00:00:00Z")!)
        var first = watch.lastSettled(.week, for: .followUpFirstAttemptHours)
        for _ in 1..<26 { first = first.adding(days: -7) }
        #expect(watch.window.lowerBound <= ZoneRules.utc.start(of: first))
    }
}
