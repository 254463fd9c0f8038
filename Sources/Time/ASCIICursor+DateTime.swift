/// A date and time of day read from text, before any UTC offset is applied.
struct DateTimeFields {
    /// Seconds since 1970-01-01T00:00:00 on the same wall clock.
    var seconds: Int64
    /// The fraction of the second, 0..<1_000_000.
    var microseconds: Int64

    /// The instant these fields name at `offset` seconds east of UTC; nil if out of range.
    func instant(offset: Int64) -> Timestamp? {
        let (scaled, overflow) = (seconds - offset).multipliedReportingOverflow(by: 1_000_000)
        guard !overflow else { return nil }
        let (micros, overflowAdding) = scaled.addingReportingOverflow(microseconds)
        return overflowAdding ? nil : Timestamp(microseconds: micros)
    }
}

extension ASCIICursor {
    /// `YYYY-MM-DD`, a separator, `HH:MM:SS[.fraction]`: the part both timestamp grammars share.
    ///
    /// Nil unless the date exists (no February 30) and the time is within a day: no hour 24 and
    /// no leap second 60, which the timestamp scale does not have.
    mutating func dateTime(yearDigits: ClosedRange<Int>, separator: (UInt8) -> Bool) -> DateTimeFields? {
        guard let year = number(digits: yearDigits), skip("-"),
              let month = number(digits: 2), skip("-"),
              let day = number(digits: 2),
              let byte = peek, separator(byte)
        else { return nil }
        index += 1
        guard let hour = number(digits: 2), skip(":"),
              let minute = number(digits: 2), skip(":"),
              let second = number(digits: 2)
        else { return nil }
        let date = CivilDate(year: year, month: month, day: day)
        guard date.isValid, hour < 24, minute < 60, second < 60 else { return nil }
        var micros: Int64 = 0
        if skip(".") {
            guard let fraction = fractionMicroseconds() else { return nil }
            micros = fraction
        }
        let secondOfDay = Int64(hour * 3600 + minute * 60 + second)
        return DateTimeFields(seconds: date.daysSinceEpoch * 86_400 + secondOfDay, microseconds: micros)
    }
}
