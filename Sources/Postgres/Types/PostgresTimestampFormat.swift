/// Conversions between microseconds since the epoch and timestamp text (proleptic Gregorian).
enum PostgresTimestampFormat {
    static let microsPerSecond: Int64 = 1_000_000
    static let microsPerDay: Int64 = 86_400 * microsPerSecond

    /// `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
    static func rfc3339(_ micros: Int64) -> String {
        let days = floorDivide(micros, microsPerDay)
        var rest = micros - days * microsPerDay
        let (year, month, day) = civil(fromDays: days)
        let hour = rest / 3_600_000_000; rest %= 3_600_000_000
        let minute = rest / 60_000_000; rest %= 60_000_000
        let second = rest / microsPerSecond
        let fraction = rest % microsPerSecond
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(fraction, 6))Z"
    }

    /// Parses `YYYY-MM-DD[ T]HH:MM:SS[.f…][Z|±HH[:MM[:SS]]]`; no offset means UTC.
    static func parse(_ text: String) -> Int64? {
        var scanner = DigitScanner(text)
        guard let year = scanner.number(minDigits: 4), scanner.skip("-"),
              let month = scanner.number(digits: 2), scanner.skip("-"),
              let day = scanner.number(digits: 2), (1...12).contains(month), (1...31).contains(day),
              scanner.skip(" ") || scanner.skip("T"),
              let hour = scanner.number(digits: 2), scanner.skip(":"),
              let minute = scanner.number(digits: 2), scanner.skip(":"),
              let second = scanner.number(digits: 2), hour < 24, minute < 60, second < 61
        else { return nil }
        var fraction: Int64 = 0
        if scanner.skip(".") {
            guard let (value, digits) = scanner.fraction(), digits > 0 else { return nil }
            fraction = value
        }
        var offsetSeconds: Int64 = 0
        if scanner.skip("Z") {
        } else if let sign: Int64 = scanner.skip("+") ? 1 : scanner.skip("-") ? -1 : nil {
            guard let hours = scanner.number(digits: 2) else { return nil }
            var seconds = hours * 3600
            if scanner.skip(":") {
                guard let minutes = scanner.number(digits: 2) else { return nil }
                seconds += minutes * 60
                if scanner.skip(":") {
                    guard let extra = scanner.number(digits: 2) else { return nil }
                    seconds += extra
                }
            }
            offsetSeconds = sign * seconds
        }
        guard scanner.isAtEnd else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = ((days * 24 + hour) * 60 + minute) * 60 + second - offsetSeconds
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: microsPerSecond)
        guard !overflow else { return nil }
        return scaled + fraction
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count since 1970-01-01 (Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
