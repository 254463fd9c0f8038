/// The POSIX TZ string of a TZif footer (RFC 8536 §3.3), e.g. `CST6CDT,M3.2.0,M11.1.0`:
/// a standard offset and, optionally, a daylight-saving offset with the yearly days and
/// times the clocks switch.
struct PosixTZRule: Sendable, Hashable {
    /// Seconds east of UTC outside daylight-saving time.
    var standardOffset: Int
    var daylightSaving: DaylightSaving?

    struct DaylightSaving: Sendable, Hashable {
        /// Seconds east of UTC during daylight-saving time.
        var offset: Int
        /// Into daylight-saving time, at a wall-clock time on standard time.
        var start: Switch
        /// Back to standard time, at a wall-clock time on daylight-saving time.
        var end: Switch
    }

    /// A yearly switch: a day and a wall-clock time, which may lie before 00:00 or past 24:00
    /// (RFC 8536 allows -167 to 167 hours).
    struct Switch: Sendable, Hashable {
        var day: Day
        var secondOfDay: Int
    }

    enum Day: Sendable, Hashable {
        /// `Jn`: day 1...365 of the year, February 29 never counted.
        case julian(Int)
        /// `n`: day 0...365 of the year, February 29 counted.
        case ordinal(Int)
        /// `Mm.w.d`: weekday `d` (0 = Sunday) of week `w` (1...5, 5 = the last) of month `m`.
        case weekday(month: Int, week: Int, weekday: Int)

        /// The day in `year`, as days since 1970-01-01.
        func daysSinceEpoch(year: Int) -> Int64 {
            switch self {
            case .julian(let day):
                let leapDay = CivilDate.isLeap(year) && day >= 60 ? 1 : 0
                return CivilDate(year: year, month: 1, day: 1).daysSinceEpoch + Int64(day - 1 + leapDay)
            case .ordinal(let day):
                return CivilDate(year: year, month: 1, day: 1).daysSinceEpoch + Int64(day)
            case .weekday(let month, let week, let weekday):
                let first = CivilDate(year: year, month: month, day: 1).daysSinceEpoch
                // 1970-01-01 was a Thursday, weekday 4 counting from Sunday.
                let firstWeekday = Int(((first + 4) % 7 + 7) % 7)
                var day = 1 + (weekday - firstWeekday + 7) % 7 + (week - 1) * 7
                let length = CivilDate.daysIn(month: month, year: year)
                while day > length { day -= 7 }
                return first + Int64(day - 1)
            }
        }
    }
}
