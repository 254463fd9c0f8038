/// Recursive-descent parser over borrowed bytes.
///
/// It reads the caller's buffer in place; the only allocations are the values it produces
/// and one scratch buffer reused by every string that contains escapes.
struct JSONParser {
    let bytes: UnsafeRawBufferPointer
    let maxDepth: Int
    var offset = 0
    var depth = 0
    var scratch: [UInt8] = []

    /// Objects with more members than this check duplicates with a set instead of a scan,
    /// so a hostile body with many keys cannot make parsing quadratic.
    static let linearDuplicateCheckLimit = 16

    init(bytes: UnsafeRawBufferPointer, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        let value = try parseValue()
        skipWhitespace()
        guard offset == bytes.count else { throw error("unexpected content after the JSON value") }
        return value
    }

    func error(_ message: String, at position: Int? = nil) -> JSONParseError {
        JSONParseError(offset: position ?? offset, message: message)
    }

    var atEnd: Bool { offset >= bytes.count }

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        guard !atEnd else { throw error("unexpected end of input, expected a value") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case 0xEF: throw error("a byte order mark is not allowed")
        default: throw error("unexpected character, expected a value")
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - offset >= count else { throw error("invalid literal, expected true, false or null") }
        for index in 0..<count where bytes[offset + index] != literal.utf8Start[index] {
            throw error("invalid literal, expected true, false or null")
        }
        offset += count
    }

    mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        guard depth <= maxDepth else { throw error("nesting deeper than \(maxDepth) levels") }
        offset += 1
    }

    mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        var elements: [JSONValue] = []
        skipWhitespace()
        if !atEnd, bytes[offset] == UInt8(ascii: "]") {
            offset += 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            guard !atEnd else { throw error("unexpected end of input inside an array") }
            switch bytes[offset] {
            case UInt8(ascii: ","):
                offset += 1
                skipWhitespace()
                if !atEnd, bytes[offset] == UInt8(ascii: "]") { throw error("trailing comma in an array") }
            case UInt8(ascii: "]"):
                offset += 1
                return .array(elements)
            default:
                throw error("expected ',' or ']' in an array")
            }
        }
    }

    mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        var pairs: [JSONObject.Element] = []
        var seen: Set<String> = []
        skipWhitespace()
        if !atEnd, bytes[offset] == UInt8(ascii: "}") {
            offset += 1
            return .object(JSONObject(uniquePairs: pairs))
        }
        while true {
            skipWhitespace()
            guard !atEnd else { throw error("unexpected end of input inside an object") }
            guard bytes[offset] == UInt8(ascii: "\"") else {
                throw error(bytes[offset] == UInt8(ascii: "}") ? "trailing comma in an object" : "expected a string key")
            }
            let keyOffset = offset
            let key = try parseString()
            skipWhitespace()
            guard !atEnd, bytes[offset] == UInt8(ascii: ":") else { throw error("expected ':' after an object key") }
            offset += 1
            let value = try parseValue()
            guard Self.isNew(key, in: pairs, seen: &seen) else {
                throw error("duplicate object key", at: keyOffset)
            }
            pairs.append((key, value))
            skipWhitespace()
            guard !atEnd else { throw error("unexpected end of input inside an object") }
            switch bytes[offset] {
            case UInt8(ascii: ","):
                offset += 1
            case UInt8(ascii: "}"):
                offset += 1
                return .object(JSONObject(uniquePairs: pairs))
            default:
                throw error("expected ',' or '}' in an object")
            }
        }
    }

    private static func isNew(_ key: String, in pairs: [JSONObject.Element], seen: inout Set<String>) -> Bool {
        if pairs.count < linearDuplicateCheckLimit {
            return !pairs.contains { $0.key == key }
        }
        if seen.isEmpty {
            seen = Set(pairs.map { $0.key })
        }
        return seen.insert(key).inserted
    }
}
