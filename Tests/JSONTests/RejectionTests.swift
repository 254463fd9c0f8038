import JSON
import Testing

@Suite struct RejectionTests {
    /// Each input must be rejected with this message at this offset.
    static let cases: [(input: [UInt8], offset: Int, message: String)] = [
        (bytes(""), 0, "unexpected end of input, expected a value"),
        (bytes("   "), 3, "unexpected end of input, expected a value"),
        (bytes("[1,]"), 3, "trailing comma in an array"),
        (bytes("{\"a\":1,}"), 7, "trailing comma in an object"),
        (bytes("[1 2]"), 3, "expected ',' or ']' in an array"),
        (bytes("{\"a\":1 \"b\":2}"), 7, "expected ',' or '}' in an object"),
        (bytes("{\"a\" 1}"), 5, "expected ':' after an object key"),
        (bytes("{a:1}"), 1, "expected a string key"),
        (bytes("{\"a\":1,\"a\":2}"), 7, "duplicate object key"),
        (bytes("// c\n1"), 0, "unexpected character, expected a value"),
        (bytes("/* c */ 1"), 0, "unexpected character, expected a value"),
        (bytes("1 // c"), 2, "unexpected content after the JSON value"),
        (bytes("01"), 0, "leading zeros are not allowed"),
        (bytes("-01"), 0, "leading zeros are not allowed"),
        (bytes("-"), 0, "invalid number"),
        (bytes("+1"), 0, "unexpected character, expected a value"),
        (bytes(".5"), 0, "unexpected character, expected a value"),
        (bytes("1."), 0, "invalid number"),
        (bytes("1.e3"), 0, "invalid number"),
        (bytes("1e"), 0, "invalid number"),
        (bytes("1e+"), 0, "invalid number"),
        (bytes("NaN"), 0, "unexpected character, expected a value"),
        (bytes("Infinity"), 0, "unexpected character, expected a value"),
        (bytes("-Infinity"), 0, "invalid number"),
        (bytes("1e400"), 0, "number out of range"),
        (bytes("-1e400"), 0, "number out of range"),
        (bytes("tru"), 0, "invalid literal, expected true, false or null"),
        (bytes("nul1"), 0, "invalid literal, expected true, false or null"),
        (bytes("True"), 0, "unexpected character, expected a value"),
        (bytes("\"abc"), 4, "unterminated string"),
        (bytes("\"a\nb\""), 2, "unescaped control character in a string"),
        (bytes("\"a\tb\""), 2, "unescaped control character in a string"),
        (bytes("\"\\x\""), 1, "invalid escape sequence"),
        (bytes("\"\\u12\""), 3, "invalid \\u escape"),
        (bytes("\"\\u12G4\""), 5, "invalid \\u escape"),
        (bytes("\"\\ud83d\""), 1, "unpaired surrogate escape"),
        (bytes("\"\\ud83dx\""), 1, "unpaired surrogate escape"),
        (bytes("\"\\ud83d\\u0041\""), 1, "unpaired surrogate escape"),
        (bytes("\"\\ude00\""), 1, "unpaired surrogate escape"),
        (bytes("1 2"), 2, "unexpected content after the JSON value"),
        (bytes("[1]]"), 3, "unexpected content after the JSON value"),
        (bytes("[1"), 2, "unexpected end of input inside an array"),
        (bytes("{\"a\":1"), 6, "unexpected end of input inside an object"),
        (bytes("{"), 1, "unexpected end of input inside an object"),
        ([0x0C, 0x31], 0, "unexpected character, expected a value"),
        ([0xC2, 0xA0, 0x31], 0, "unexpected character, expected a value"),
        ([0xEF, 0xBB, 0xBF, 0x31], 0, "a byte order mark is not allowed"),
        // Invalid UTF-8 inside strings: stray continuation, overlong, surrogate, > U+10FFFF,
        // truncated sequence, invalid lead byte.
        ([0x22, 0x80, 0x22], 1, "invalid UTF-8"),
        ([0x22, 0xC0, 0xAF, 0x22], 1, "invalid UTF-8"),
        ([0x22, 0xE0, 0x80, 0xAF, 0x22], 1, "invalid UTF-8"),
        ([0x22, 0xED, 0xA0, 0x80, 0x22], 1, "invalid UTF-8"),
        ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1, "invalid UTF-8"),
        ([0x22, 0xE4, 0xB8, 0x22], 1, "invalid UTF-8"),
        ([0x22, 0xFF, 0x22], 1, "invalid UTF-8"),
        ([0x22, 0x5C, 0x6E, 0xC3, 0x28, 0x22], 3, "invalid UTF-8"),
    ]

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test(arguments: 0..<cases.count)
    func rejects(_ index: Int) {
        let (input, offset, message) = Self.cases[index]
        #expect(throws: JSONParseError(offset: offset, message: message)) { try JSON.parse(input) }
    }

    @Test func messagesDoNotEchoInput() {
        let secret = "{\"name\": \"Jane Doe\", \"name\": \"x\"}"
        do {
            _ = try JSON.parse(secret)
            Issue.record("expected a duplicate-key error")
        } catch {
            #expect(!error.description.contains("Jane"))
            #expect(!error.description.contains("name"))
        }
    }
}
