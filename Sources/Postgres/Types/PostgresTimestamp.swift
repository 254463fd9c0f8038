/// An instant as microseconds since 1970-01-01T00:00:00Z, for `timestamptz` columns.
///
/// PostgreSQL keeps microseconds, so this loses nothing. It encodes as RFC 3339 text in UTC
/// and decodes the server's ISO output (connections set `TimeZone=UTC`, `DateStyle=ISO`).
/// `infinity` and `-infinity` map to `.max` and `.min` microseconds.
public struct PostgresTimestamp: PostgresEncodable, PostgresDecodable, Hashable, Comparable {
    public var microsecondsSinceEpoch: Int64

    public init(microsecondsSinceEpoch: Int64) {
        self.microsecondsSinceEpoch = microsecondsSinceEpoch
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.microsecondsSinceEpoch < rhs.microsecondsSinceEpoch
    }

    public var postgresText: String? {
        if microsecondsSinceEpoch == .max { return "infinity" }
        if microsecondsSinceEpoch == .min { return "-infinity" }
        return PostgresTimestampFormat.rfc3339(microsecondsSinceEpoch)
    }

    public init?(postgresText text: String) {
        switch text {
        case "infinity": microsecondsSinceEpoch = .max
        case "-infinity": microsecondsSinceEpoch = .min
        default:
            guard let micros = PostgresTimestampFormat.parse(text) else { return nil }
            microsecondsSinceEpoch = micros
        }
    }
}
