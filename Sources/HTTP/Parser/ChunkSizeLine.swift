/// `chunk-size *( BWS ";" BWS ext-name [ BWS "=" BWS ext-value ] )` (RFC 9112 §7.1).
///
/// Extensions carry nothing Lodestar uses; they are checked for form and length and dropped.
enum ChunkSizeLine {
    /// More hex digits than an Int holds could only be leading zeros; refused as out of range.
    static let maxSizeDigits = 15

    /// The longest chunk-size line (CRLF excluded) the limits allow.
    static func maxBytes(_ limits: HTTPLimits) -> Int {
        maxSizeDigits + limits.maxChunkExtensionBytes
    }

    /// Parses a line's content and returns the chunk size.
    static func parse(_ line: UnsafeBufferPointer<UInt8>, limits: HTTPLimits) throws(HTTPParseError) -> Int {
        var index = 0
        var size = 0
        while index < line.count, let digit = ASCII.hexValue(line[index]) {
            guard index < maxSizeDigits else { throw .badRequest("chunk size out of range") }
            size = size << 4 | digit
            index += 1
        }
        guard index > 0 else { throw .badRequest("malformed chunk size") }
        guard line.count - index <= limits.maxChunkExtensionBytes else {
            throw .badRequest("chunk extension too long")
        }
        var extensions = ChunkExtensionScanner(line: line, index: index)
        try extensions.validate()
        return size
    }
}
