public import Time

/// `timestamptz` columns and parameters.
///
/// Encodes as RFC 3339 text in UTC and decodes the server's ISO output (connections set
/// `TimeZone=UTC`, `DateStyle=ISO`); PostgreSQL keeps microseconds, so nothing is lost.
/// `infinity` and `-infinity` are `Timestamp.infinity` and `.negativeInfinity`.
extension Timestamp: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? {
        switch self {
        case .infinity: "infinity"
        case .negativeInfinity: "-infinity"
        default: rfc3339
        }
    }

    public init?(postgresText text: String) {
        self.init(postgresISO: text)
    }
}
