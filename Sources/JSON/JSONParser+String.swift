extension JSONParser {
    /// Parses a string starting at its opening quote.
    ///
    /// Strings without escapes (nearly all of them) become a `String` straight from the input
    /// bytes; the first backslash switches to copying through the reusable scratch buffer.
    mutating func parseString() throws(JSONParseError) -> String {
        offset += 1
        let start = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
                offset += 1
                return text
            } else if byte == UInt8(ascii: "\\") {
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]))
                return try parseEscapedRemainder()
            } else {
                try skipCharacter(byte)
            }
        }
        throw error("unterminated string")
    }

    /// Advances over one unescaped character, validating UTF-8 strictly.
    private mutating func skipCharacter(_ byte: UInt8) throws(JSONParseError) {
        if byte < 0x20 { throw error("unescaped control character in a string") }
        if byte < 0x80 {
            offset += 1
            return
        }
        let length = UTF8Validation.sequenceLength(bytes, at: offset)
        guard length > 0 else { throw error("invalid UTF-8") }
        offset += length
    }

    private mutating func parseEscapedRemainder() throws(JSONParseError) -> String {
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                return String(decoding: scratch, as: UTF8.self)
            } else if byte == UInt8(ascii: "\\") {
                try parseEscape()
            } else {
                let start = offset
                try skipCharacter(byte)
                scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]))
            }
        }
        throw error("unterminated string")
    }

    private mutating func parseEscape() throws(JSONParseError) {
        let escapeOffset = offset
        offset += 1
        guard offset < bytes.count else { throw error("unterminated string") }
        let decoded: UInt8
        switch bytes[offset] {
        case UInt8(ascii: "\""): decoded = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): decoded = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): decoded = UInt8(ascii: "/")
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = 0x0A
        case UInt8(ascii: "r"): decoded = 0x0D
        case UInt8(ascii: "t"): decoded = 0x09
        case UInt8(ascii: "u"):
            offset += 1
            let scalar = try parseUnicodeEscape(startingAt: escapeOffset)
            scratch.append(contentsOf: UTF8.encode(scalar)!)
            return
        default:
            throw error("invalid escape sequence", at: escapeOffset)
        }
        scratch.append(decoded)
        offset += 1
    }

    /// Reads the hex digits after `\u`, joining a surrogate pair into one scalar.
    private mutating func parseUnicodeEscape(startingAt escapeOffset: Int) throws(JSONParseError) -> Unicode.Scalar {
        let first = try parseHex4()
        switch first {
        case 0xD800...0xDBFF:
            guard bytes.count - offset >= 2,
                  bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u")
            else { throw error("unpaired surrogate escape", at: escapeOffset) }
            offset += 2
            let second = try parseHex4()
            guard (0xDC00...0xDFFF).contains(second) else {
                throw error("unpaired surrogate escape", at: escapeOffset)
            }
            let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            return Unicode.Scalar(value)!
        case 0xDC00...0xDFFF:
            throw error("unpaired surrogate escape", at: escapeOffset)
        default:
            return Unicode.Scalar(first)!
        }
    }

    private mutating func parseHex4() throws(JSONParseError) -> UInt32 {
        guard bytes.count - offset >= 4 else { throw error("invalid \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }
}
