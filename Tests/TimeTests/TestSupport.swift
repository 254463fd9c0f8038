import Time
import ZoneInfo

/// A zone from the system's tz database (Debian's `tzdata`, which `ops/lib/deps.sh` installs).
func zone(_ name: String) throws -> ZoneRules {
    try ZoneInfoDatabase.system.rules(named: name)
}

/// An instant written in RFC 3339.
func at(_ text: String) -> Timestamp {
    Timestamp(rfc3339: text)!
}

func day(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
    CivilDate(year: year, month: month, day: day)
}

extension LocalDateTime {
    /// `YYYY-MM-DD HH:MM:SS`, for comparing readings in one line.
    var wallClock: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date.rfc3339) \(two(hour)):\(two(minute)):\(two(second))"
    }
}
