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

    @Test func numbersAndBooleansAreReadFromTheBytes() {
        func read<T: PostgresDecodable>(_ text: String, as type: T.Type) -> T? {
            var text = text
            return text.withUTF8 { T(postgresBytes: $0) }
        }
        #expect(read("9223372036854775807", as: Int64.self) == .max)
        #expect(read("-9223372036854775808", as: Int64.self) == .min)
        #expect(read("9223372036854775808", as: Int64.self) == nil)
        #expect(read("-2147483648", as: Int32.self) == .min && read("2147483648", as: Int32.self) == nil)
        #expect(read("+42", as: Int.self) == 42 && read("007", as: Int.self) == 7)
        for bad in ["", "-", "+", " 1", "1 ", "1.0", "0x1", "١"] { #expect(read(bad, as: Int.self) == nil) }
        #expect(read("t", as: Bool.self) == true && read("false", as: Bool.self) == false && read("yes", as: Bool.self) == nil)
        #expect(read("NULL", as: String?.self) == "NULL")
        #expect(read("12", as: Int?.self) == 12 && read("x", as: Int?.self) == nil)
        #expect(read("{1,null,NuLl,\"NULL\"}", as: [String?].self) == ["1", nil, nil, "NULL"])
    }

    @Test func doublesReadFromTheBytesAsAFullParseReadsThem() {
        func read(_ text: String) -> Double? {
            var text = text
            return text.withUTF8 { Double(postgresBytes: $0) }
        }
        var generator = SystemRandomNumberGenerator()
        var texts = ["0", "-0", "5", "-12.5", "0.1", "1.", ".5", "+5", "-", "", "1e-05", "1.5e+20", "NaN", "-Infinity", "12a",
                     "1.2.3", "999999999999999", "9999999999999999", "123456789012345678901234", "0.000000000000001", "-41.8781136",
                     " 1", "1 ", "0x1p3", "inf", "1e400", "-1e-400", "4.9406564584124654e-324"]
        for _ in 0..<5_000 {
            let value = Double.random(in: -180...180, using: &generator)
            texts.append(value.description)
            texts.append(String(format6: value))
        }
        for text in texts {
            let expected = Double(postgresText: text)
            let read = read(text)
            #expect(read == expected || (read?.isNaN == true && expected?.isNaN == true), "\(text)")
            #expect(read?.sign == expected?.sign, "\(text)")
        }
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

extension String {
    /// `value` with six decimals, as coordinates are usually stored.
    init(format6 value: Double) {
        let micro = Int64((value * 1_000_000).rounded())
        let sign = micro < 0 ? "-" : ""
        let fraction = String(micro.magnitude % 1_000_000)
        self = "\(sign)\(micro.magnitude / 1_000_000).\(String(repeating: "0", count: 6 - fraction.count))\(fraction)"
    }
}
