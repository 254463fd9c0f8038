extension Timestamp {
    /// Parses an RFC 3339 `date-time`: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
    ///
    /// The offset is required (a local time without one is ambiguous). 't' and 'z' may be
    /// lowercase, as RFC 3339 allows; a space in place of 'T' is not accepted. Fractions of
    /// any length are read and truncated to microseconds. Leap second 60 is rejected: the
    /// timestamp scale has none, and no call-centre clock reports one. Returns `nil` for any
    /// invalid text, including impossible dates such as February 30 or hour 24.
    public init?(rfc3339 text: String) {
        var text = text
        guard let value = text.withUTF8({ Self.parseRFC3339($0) }) else { return nil }
        self = value
    }

    private static func parseRFC3339(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var cursor = ASCIICursor(bytes)
        guard let fields = cursor.dateTime(yearDigits: 4...4, separator: { $0 | 0x20 == UInt8(ascii: "t") }),
              let offset = cursor.rfc3339Offset(), cursor.atEnd
        else { return nil }
        return fields.instant(offset: offset)
    }

    /// RFC 3339 in UTC, e.g. `2026-11-26T16:43:04.120Z`.
    ///
    /// Always a fraction: three digits when the instant falls on a whole millisecond (what
    /// clients nearly always send), otherwise six, so no precision is ever lost in output.
    /// Written straight into the string's storage: every response, row and audit entry carries
    /// times, and joining a dozen small strings cost about 4,000 instructions a time.
    public var rfc3339: String {
        let seconds = secondsSinceEpoch
        let micros = Int(microseconds - seconds * 1_000_000)
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let date = CivilDate(daysSinceEpoch: days)
        let fractionDigits = micros % 1000 == 0 ? 3 : 6
        let fraction = fractionDigits == 3 ? micros / 1000 : micros
        guard (0...9999).contains(date.year) else {
            return date.rfc3339 + "T" + zeroPadded(secondOfDay / 3600, 2) + ":" + zeroPadded(secondOfDay / 60 % 60, 2)
                + ":" + zeroPadded(secondOfDay % 60, 2) + "." + zeroPadded(fraction, fractionDigits) + "Z"
        }
        return String(unsafeUninitializedCapacity: 21 + fractionDigits) { buffer in
            var text = DigitWriter(buffer)
            text.date(date)
            text.character("T")
            text.digits(secondOfDay / 3600, 2)
            text.character(":")
            text.digits(secondOfDay / 60 % 60, 2)
            text.character(":")
            text.digits(secondOfDay % 60, 2)
            text.character(".")
            text.digits(fraction, fractionDigits)
            text.character("Z")
            return text.count
        }
    }
}

extension ASCIICursor {
    /// `Z` (or `z`) or `±HH:MM`, as seconds east of UTC.
    fileprivate mutating func rfc3339Offset() -> Int64? {
        if skip("Z", orLowercase: true) { return 0 }
        guard let sign = sign(), let hours = number(digits: 2), skip(":"), let minutes = number(digits: 2),
              hours < 24, minutes < 60
        else { return nil }
        return Int64(sign * (hours * 3600 + minutes * 60))
    }
}
