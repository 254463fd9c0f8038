/// Entry points for strict RFC 8259 parsing.
///
/// Beyond the grammar the parser rejects what would make a crisis record ambiguous or a
/// request expensive: invalid UTF-8, lone surrogate escapes, duplicate object keys, numbers
/// outside the range of `Double`, a byte order mark, and nesting deeper than `maxDepth`.
public enum JSON {
    /// The nesting depth accepted unless a caller asks for another.
    public static let defaultMaxDepth = 64

    /// Parses one JSON text occupying all of `bytes`.
    public static func parse(
        _ bytes: UnsafeRawBufferPointer, maxDepth: Int = defaultMaxDepth
    ) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, maxDepth: maxDepth)
        return try parser.parseDocument()
    }

    /// Parses one JSON text occupying all of `bytes`.
    public static func parse(
        _ bytes: [UInt8], maxDepth: Int = defaultMaxDepth
    ) throws(JSONParseError) -> JSONValue {
        try bytes[...].withUnsafeBytes(in: maxDepth)
    }

    /// Parses one JSON text occupying all of `bytes`; offsets in errors count from the
    /// slice's first byte.
    public static func parse(
        _ bytes: ArraySlice<UInt8>, maxDepth: Int = defaultMaxDepth
    ) throws(JSONParseError) -> JSONValue {
        try bytes.withUnsafeBytes(in: maxDepth)
    }

    /// Parses one JSON text; convenient for tests and literals in code.
    public static func parse(
        _ text: String, maxDepth: Int = defaultMaxDepth
    ) throws(JSONParseError) -> JSONValue {
        try Array(text.utf8)[...].withUnsafeBytes(in: maxDepth)
    }
}

extension ArraySlice<UInt8> {
    fileprivate func withUnsafeBytes(in maxDepth: Int) throws(JSONParseError) -> JSONValue {
        let result = withUnsafeBytes { buffer in
            Result { () throws(JSONParseError) -> JSONValue in
                try JSON.parse(buffer, maxDepth: maxDepth)
            }
        }
        return try result.get()
    }
}
