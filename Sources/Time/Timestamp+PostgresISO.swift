extension Timestamp {
    /// Parses PostgreSQL's ISO output of a `timestamptz` (or `timestamp`):
    /// `YYYY-MM-DD HH:MM:SS[.fraction][±HH[:MM[:SS]]]`, `infinity` or `-infinity`.
    ///
    /// Laxer than RFC 3339 where the server's output is: a space or 'T' between date and time,
    /// offsets of whole hours (`+00`) or with seconds (`-00:30:15`, historical zones), years of
    /// five or six digits. No offset means UTC, as a `timestamp` column reads on a connection
    /// set to `TimeZone=UTC`. BC dates and instants beyond the microsecond range are nil.
    public init?(postgresISO text: String) {
        switch text {
        case "infinity": self = .infinity
        case "-infinity": self = .negativeInfinity
        default:
            var text = text
            guard let value = text.withUTF8({ Self.parsePostgresISO($0) }) else { return nil }
            self = value
        }
    }

    private static func parsePostgresISO(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var cursor = ASCIICursor(bytes)
        let separator: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "T") }
        guard let fields = cursor.dateTime(yearDigits: 4...6, separator: separator),
              let offset = cursor.postgresOffset(), cursor.atEnd
        else { return nil }
        return fields.instant(offset: offset)
    }
}

extension ASCIICursor {
    /// Nothing (UTC), `Z`, or `±HH[:MM[:SS]]`, as seconds east of UTC.
    fileprivate mutating func postgresOffset() -> Int64? {
        if atEnd || skip("Z") { return 0 }
        guard let sign = sign(), let hours = number(digits: 2), hours < 24 else { return nil }
        var seconds = hours * 3600
        if skip(":") {
            guard let minutes = number(digits: 2), minutes < 60 else { return nil }
            seconds += minutes * 60
            if skip(":") {
                guard let extra = number(digits: 2), extra < 60 else { return nil }
                seconds += extra
            }
        }
        return Int64(sign * seconds)
    }
}
