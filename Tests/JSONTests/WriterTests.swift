@testable import JSON
import Testing

@Suite struct WriterTests {
    func text(_ value: JSONValue) -> String { value.description }

    @Test func compactOutput() {
        let value: JSONValue = ["b": [1, -2, true, false, .null], "a": "x", "c": 1.5, "d": [:], "e": []]
        #expect(text(value) == #"{"b":[1,-2,true,false,null],"a":"x","c":1.5,"d":{},"e":[]}"#)
    }

    @Test func escaping() {
        #expect(text("a\"b\\c/d") == #""a\"b\\c/d""#)
        #expect(text("\n\r\t\u{0}\u{1f}") == #""\u000a\u000d\u0009\u0000\u001f""#)
        #expect(text("h\u{e9} \u{1F600} \u{7f}") == "\"h\u{e9} \u{1F600} \u{7f}\"")
    }

    @Test func numbers() {
        #expect(text(.int(.min)) == "-9223372036854775808")
        #expect(text(.int(.max)) == "9223372036854775807")
        #expect(text(.int(0)) == "0")
        #expect(text(.double(2)) == "2.0")
        #expect(text(.double(0.1)) == "0.1")
        #expect(text(.double(1e-7)) == "1e-07")
        #expect(text(.double(.nan)) == "null")
        #expect(text(.double(.infinity)) == "null")
        #expect(text([.double(-.infinity), 1]) == "[null,1]")
    }

    @Test func streaming() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("list")
        writer.beginArray()
        writer.int(1)
        writer.beginObject()
        writer.member("k", "v")
        writer.endObject()
        writer.string("s")
        writer.endArray()
        writer.key("n")
        writer.null()
        writer.key("d")
        writer.double(0.5)
        writer.key("b")
        writer.bool(false)
        writer.endObject()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"list":[1,{"k":"v"},"s"],"n":null,"d":0.5,"b":false}"#)
    }

    @Test func roundTrips() throws {
        let values: [JSONValue] = [
            .null, true, 0, -1, .int(.max), .int(.min), 0.1, -2.5e-300, 1.7976931348623157e308, .double(.leastNonzeroMagnitude),
            "", "quote \" backslash \\ control \u{1} unicode \u{e9}\u{1F600}",
            [], [:], [[[["deep"]]]],
            ["event_id": "c1-0001", "data": ["caller": ["age": 34], "flags": ["youth", "veteran"]]],
        ]
        for value in values {
            #expect(try JSON.parse(value.serialized()) == value)
        }
    }

    @Test func roundTripIsByteStable() throws {
        let text = #"{"z":1,"a":[0.25,"\u0001",{"k":null}],"m":-7}"#
        #expect(try JSON.parse(text).description == text)
    }
}

/// Quoting tests bytes eight at a time; every byte value at every position of a word, and
/// strings whose escapes straddle word boundaries, come out as the byte-by-byte rule says.
@Suite struct QuotingTests {
    @Test func everyByteAtEveryPositionOfAWord() {
        for position in 0..<8 {
            for byte in 0...255 {
                var word = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                word[position] = UInt8(byte)
                let packed = word.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                let expected = byte < 0x20 || byte == 0x22 || byte == 0x5C
                #expect(JSONWriter.needsEscape(packed) == expected, "byte \(byte) at \(position)")
            }
        }
    }

    @Test func stringsRoundTripWhateverTheirLengthAndEscapes() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "é", "\"", "\\", "\n", "\u{1}", "\u{1F}", " ", "✓", "\u{10FFFF}", "z", "\u{7F}"]
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...40, using: &generator)
            let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var writer = JSONWriter()
            writer.string(text)
            #expect(writer.bytes == Self.quotedByteByByte(text), "\(text.debugDescription)")
            #expect(try JSON.parse(writer.bytes) == .string(text))
        }
    }

    /// The rule, one byte at a time.
    static func quotedByteByByte(_ text: String) -> [UInt8] {
        var out: [UInt8] = [0x22]
        for byte in text.utf8 {
            switch byte {
            case 0x22, 0x5C: out += [0x5C, byte]
            case 0..<0x20: out += Array("\\u00".utf8) + Array(String(byte, radix: 16).leftPadded(to: 2).utf8)
            default: out.append(byte)
            }
        }
        out.append(0x22)
        return out
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
