import JSON
import Testing

@Suite struct ParseTests {
    @Test func scalars() throws {
        #expect(try JSON.parse("null") == .null)
        #expect(try JSON.parse(" true ") == .bool(true))
        #expect(try JSON.parse("false") == .bool(false))
        #expect(try JSON.parse("\"a\"") == .string("a"))
        #expect(try JSON.parse("0") == .int(0))
        #expect(try JSON.parse("-0") == .int(0))
        #expect(try JSON.parse("-12") == .int(-12))
        #expect(try JSON.parse("1.5") == .double(1.5))
        #expect(try JSON.parse("1e-2") == .double(0.01))
    }

    /// JSON has one number type: a whole number written with a fraction or an exponent is that
    /// integer (so a retry through another serialiser carries the same content), up to 2^53.
    @Test func wholeNumbersAreIntegersHoweverWritten() throws {
        #expect(try JSON.parse("-93.0") == .int(-93))
        #expect(try JSON.parse("-2.5e3") == .int(-2500))
        #expect(try JSON.parse("1E2") == .int(100))
        #expect(try JSON.parse("1e+2") == .int(100))
        #expect(try JSON.parse("0.5e1") == .int(5))
        #expect(try JSON.parse("-0.0") == .int(0))
        #expect(try JSON.parse("9007199254740992.0") == .int(9_007_199_254_740_992))
        #expect(try JSON.parse("1e16") == .double(1e16))
        #expect(try JSON.parse("40.5") == .double(40.5))
    }

    @Test func containers() throws {
        let value = try JSON.parse(" {\"a\" : [1, {\"b\": null}, []], \"c\": {}}\r\n\t")
        #expect(value == ["a": [1, ["b": .null], []], "c": [:]])
        #expect(value["a"]?[1]?["b"] == .null)
        #expect(value.objectValue?.keys == ["a", "c"])
    }

    @Test func integerLimits() throws {
        #expect(try JSON.parse("9223372036854775807") == .int(.max))
        #expect(try JSON.parse("-9223372036854775808") == .int(.min))
        #expect(try JSON.parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
        #expect(try JSON.parse("-9223372036854775809") == .double(-9_223_372_036_854_775_808.0))
        #expect(try JSON.parse("123456789012345678901234567890") == .double(1.2345678901234568e29))
    }

    @Test func tinyAndHugeDoubles() throws {
        #expect(try JSON.parse("1e-400") == .int(0))
        #expect(try JSON.parse("1.7976931348623157e308") == .double(.greatestFiniteMagnitude))
    }

    @Test func unicode() throws {
        #expect(try JSON.parse("\"h\u{e9}llo \u{1F600}\"") == .string("h\u{e9}llo \u{1F600}"))
        #expect(try JSON.parse(#""\u00e9\u4E2D""#) == .string("\u{e9}\u{4e2d}"))
        #expect(try JSON.parse(#""\ud83d\ude00""#) == .string("\u{1F600}"))
        #expect(try JSON.parse(#""a\"b\\c\/d\b\f\n\r\te""#) == .string("a\"b\\c/d\u{8}\u{c}\n\r\te"))
        #expect(try JSON.parse(#""\u0000""#) == .string("\u{0}"))
        #expect(try JSON.parse("\"\u{10FFFF}\"") == .string("\u{10FFFF}"))
    }

    @Test func inputForms() throws {
        let bytes: [UInt8] = Array("xx[1,2]".utf8)
        #expect(try JSON.parse(bytes[2...]) == [1, 2])
        #expect(try JSON.parse(Array("[true]".utf8)) == [true])
        let fromBuffer = try bytes[2...].withUnsafeBytes { buffer in try JSON.parse(buffer) }
        #expect(fromBuffer == [1, 2])
    }

    @Test func depthLimit() throws {
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try JSON.parse(ok) }
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(throws: JSONParseError(offset: 64, message: "nesting deeper than 64 levels")) { try JSON.parse(deep) }
        let deepObjects = String(repeating: "{\"a\":", count: 3) + "1}}}"
        #expect(throws: JSONParseError.self) { try JSON.parse(deepObjects, maxDepth: 2) }
        #expect(try JSON.parse(deepObjects, maxDepth: 3) == ["a": ["a": ["a": 1]]])
    }

    @Test func manyKeysUseSetForDuplicates() throws {
        let keys = (0..<200).map { "\"k\($0)\":\($0)" }
        let text = "{" + keys.joined(separator: ",") + "}"
        let value = try JSON.parse(text)
        #expect(value.objectValue?.count == 200)
        #expect(value["k199"] == 199)
        let duplicated = "{" + keys.joined(separator: ",") + ",\"k150\":0}"
        #expect(throws: JSONParseError.self) { try JSON.parse(duplicated) }
    }
}
