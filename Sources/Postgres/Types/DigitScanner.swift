/// A cursor over ASCII text for the fixed-layout formats the server writes (timestamps).
struct DigitScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var isAtEnd: Bool { index == bytes.count }

    /// Consumes `literal` when it comes next.
    mutating func skip(_ literal: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: literal) else { return false }
        index += 1
        return true
    }

    /// Exactly `digits` decimal digits.
    mutating func number(digits: Int) -> Int64? {
        let start = index
        guard let value = number(minDigits: digits), index - start == digits else { return nil }
        return value
    }

    /// At least `minDigits` decimal digits (years may have more than four).
    mutating func number(minDigits: Int) -> Int64? {
        var value: Int64 = 0
        let start = index
        while index < bytes.count, let digit = digitValue(bytes[index]), index - start < 12 {
            value = value * 10 + digit
            index += 1
        }
        return index - start >= minDigits ? value : nil
    }

    /// A decimal fraction scaled to microseconds (extra digits are truncated), and its length.
    mutating func fraction() -> (Int64, Int)? {
        var value: Int64 = 0
        var count = 0
        while index < bytes.count, let digit = digitValue(bytes[index]) {
            if count < 6 { value = value * 10 + digit }
            count += 1
            index += 1
        }
        for _ in count..<max(count, 6) { value *= 10 }
        return (value, count)
    }

    private func digitValue(_ byte: UInt8) -> Int64? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int64(byte - UInt8(ascii: "0")) : nil
    }
}
