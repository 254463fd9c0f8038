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
        guard let value = text.withUTF8({ Self.parse($0) }) else { return nil }
        self = value
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var reader = DigitReader(bytes: bytes)
        guard let year = reader.number(digits: 4), reader.skip("-"),
              let month = reader.number(digits: 2), reader.skip("-"),
              let day = reader.number(digits: 2), reader.skip("T", orLowercase: true),
              let hour = reader.number(digits: 2), reader.skip(":"),
              let minute = reader.number(digits: 2), reader.skip(":"),
              let second = reader.number(digits: 2)
        else { return nil }
        let date = CivilDate(year: year, month: month, day: day)
        guard date.isValid, hour < 24, minute < 60, second < 60 else { return nil }

        var micros: Int64 = 0
        if reader.skip(".") {
            guard let fraction = reader.fractionMicroseconds() else { return nil }
            micros = fraction
        }
        guard let offsetSeconds = reader.offsetSeconds(), reader.atEnd else { return nil }

        let daySeconds = Int64(hour * 3600 + minute * 60 + second)
        let seconds = date.daysSinceEpoch * 86_400 + daySeconds - offsetSeconds
        return Timestamp(microseconds: seconds * 1_000_000 + micros)
    }

    /// RFC 3339 in UTC, e.g. `2026-11-26T16:43:04.120Z`.
    ///
    /// Always a fraction: three digits when the instant falls on a whole millisecond (what
    /// clients nearly always send), otherwise six, so no precision is ever lost in output.
    public var rfc3339: String {
        let seconds = secondsSinceEpoch
        let micros = Int(microseconds - seconds * 1_000_000)
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let date = CivilDate(daysSinceEpoch: days)
        var out = ""
        out.reserveCapacity(27)
        out += Self.padded(date.year, 4) + "-" + Self.padded(date.month, 2) + "-" + Self.padded(date.day, 2)
        out += "T" + Self.padded(secondOfDay / 3600, 2) + ":" + Self.padded(secondOfDay / 60 % 60, 2)
        out += ":" + Self.padded(secondOfDay % 60, 2) + "."
        out += micros % 1000 == 0 ? Self.padded(micros / 1000, 3) : Self.padded(micros, 6)
        return out + "Z"
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// Reads the fixed-width numeric fields of an RFC 3339 timestamp.
private struct DigitReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    var atEnd: Bool { index == bytes.count }

    mutating func number(digits count: Int) -> Int? {
        guard bytes.count - index >= count else { return nil }
        var value = 0
        for _ in 0..<count {
            guard let digit = digit(at: index) else { return nil }
            value = value * 10 + digit
            index += 1
        }
        return value
    }

    func digit(at position: Int) -> Int? {
        guard position < bytes.count else { return nil }
        let byte = bytes[position]
        return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }

    mutating func skip(_ character: Unicode.Scalar, orLowercase: Bool = false) -> Bool {
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        let expected = UInt8(ascii: character)
        guard byte == expected || (orLowercase && byte == expected | 0x20) else { return false }
        index += 1
        return true
    }

    /// One or more digits after the '.', truncated to six.
    mutating func fractionMicroseconds() -> Int64? {
        var micros: Int64 = 0
        var count = 0
        while let digit = digit(at: index) {
            if count < 6 { micros = micros * 10 + Int64(digit) }
            count += 1
            index += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<max(count, 6) { micros *= 10 }
        return micros
    }

    /// `Z` (or `z`) or `±HH:MM`, as seconds east of UTC.
    mutating func offsetSeconds() -> Int64? {
        if skip("Z", orLowercase: true) { return 0 }
        guard index < bytes.count else { return nil }
        let sign: Int64
        switch bytes[index] {
        case UInt8(ascii: "+"): sign = 1
        case UInt8(ascii: "-"): sign = -1
        default: return nil
        }
        index += 1
        guard let hours = number(digits: 2), skip(":"), let minutes = number(digits: 2),
              hours < 24, minutes < 60
        else { return nil }
        return sign * Int64(hours * 3600 + minutes * 60)
    }
}
