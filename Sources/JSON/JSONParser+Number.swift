extension JSONParser {
    /// Parses a number per the RFC 8259 grammar.
    ///
    /// Integers are accumulated while scanning (negatives as negatives, so `Int64.min` fits);
    /// anything with a fraction or exponent, or too large for `Int64`, is converted as a whole
    /// by the standard library so the `Double` is correctly rounded.
    ///
    /// JSON has one number type: `-93.0`, `-9.3e1` and `-93` are the same value, and a client
    /// that retries an event through another serialiser must not see its content differ. So
    /// a written fraction or exponent whose value is a whole number (exactly representable,
    /// within ±2^53) is that integer.
    mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = offset
        let negative = bytes[offset] == UInt8(ascii: "-")
        if negative { offset += 1 }
        guard offset < bytes.count, isDigit(bytes[offset]) else { throw error("invalid number", at: start) }

        var integer: Int64 = 0
        var overflowed = false
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
            if offset < bytes.count, isDigit(bytes[offset]) {
                throw error("leading zeros are not allowed", at: start)
            }
        } else {
            while offset < bytes.count, isDigit(bytes[offset]) {
                let digit = Int64(bytes[offset] - UInt8(ascii: "0"))
                if !overflowed {
                    let (shifted, o1) = integer.multipliedReportingOverflow(by: 10)
                    let (next, o2) = negative
                        ? shifted.subtractingReportingOverflow(digit)
                        : shifted.addingReportingOverflow(digit)
                    overflowed = o1 || o2
                    integer = next
                }
                offset += 1
            }
        }

        var isInteger = true
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            isInteger = false
            offset += 1
            try skipDigits(numberStart: start)
        }
        if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            try skipDigits(numberStart: start)
        }

        if isInteger && !overflowed { return .int(integer) }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw error("number out of range", at: start)
        }
        if value.rounded(.towardZero) == value, value.magnitude <= Self.largestExactInteger { return .int(Int64(value)) }
        return .double(value)
    }

    /// 2^53: every integer up to it is a `Double` exactly, so the value read is the value written.
    private static let largestExactInteger = 9_007_199_254_740_992.0

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Requires at least one digit (after '.', 'e' or an exponent sign) and skips them all.
    private mutating func skipDigits(numberStart: Int) throws(JSONParseError) {
        guard offset < bytes.count, isDigit(bytes[offset]) else { throw error("invalid number", at: numberStart) }
        while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
    }
}
