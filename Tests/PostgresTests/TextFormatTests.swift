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
