@testable import Postgres
import Testing

/// The text formats, without a server.
@Suite struct TextFormatTests {
    @Test func arrayLiteralsRoundTrip() {
        let elements: [String?] = ["plain", "with space", "comma,", "quote\"", "back\\slash", "{brace}", "NULL", nil, ""]
        #expect(PostgresArrayLiteral.parse(PostgresArrayLiteral.render(elements)) == elements)
        #expect(PostgresArrayLiteral.parse("{}") == [])
        #expect(PostgresArrayLiteral.parse("{1,2,NULL}") == ["1", "2", nil])
        #expect(PostgresArrayLiteral.parse("{{1,2},{3,4}}") == nil)
        #expect(PostgresArrayLiteral.parse("[0:1]={1,2}") == nil)
        #expect(PostgresArrayLiteral.parse("{\"unterminated}") == nil)
    }

    @Test func timestampsFormatAndParse() {
        let cases: [(Int64, String)] = [
            (0, "1970-01-01T00:00:00.000000Z"),
            (-1, "1969-12-31T23:59:59.999999Z"),
            (951_782_400_000_000, "2000-02-29T00:00:00.000000Z"),
            (253_402_300_799_999_999, "9999-12-31T23:59:59.999999Z"),
        ]
        for (micros, text) in cases {
            #expect(PostgresTimestampFormat.rfc3339(micros) == text)
            #expect(PostgresTimestampFormat.parse(text) == micros)
        }
        #expect(PostgresTimestampFormat.parse("2024-01-02 03:04:05.1+01") == PostgresTimestampFormat.parse("2024-01-02T02:04:05.100Z"))
        #expect(PostgresTimestampFormat.parse("2024-01-02 03:04:05-00:30:15") == PostgresTimestampFormat.parse("2024-01-02T03:34:20Z"))
        #expect(PostgresTimestampFormat.parse("2024-13-02 03:04:05") == nil)
        #expect(PostgresTimestampFormat.parse("2024-01-02 03:04:05 BC") == nil)
        #expect(PostgresTimestampFormat.parse("2024-01-02") == nil)
    }

    @Test func doublesUsePostgresSpellings() {
        #expect(Double.nan.postgresText == "NaN")
        #expect((-Double.infinity).postgresText == "-Infinity")
        #expect(Double(postgresText: "Infinity") == .infinity)
        #expect(Double(postgresText: "1e-05") == 0.00001)
    }

    @Test func dataExceptionsRedactQuotedInput() {
        let error = PostgresError.server(sqlState: "22P02", message: "invalid input syntax for type integer: \"555-0100\"", constraint: nil)
        #expect(error.message == "invalid input syntax for type integer: \"…\"")
        let other = PostgresError.server(sqlState: "23505", message: "duplicate key value violates unique constraint \"t_pkey\"", constraint: "t_pkey")
        #expect(other.message.contains("t_pkey"))
    }
}
