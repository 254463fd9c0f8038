#if canImport(Glibc)
import Glibc
#endif

/// Numbers in PostgreSQL's text format, read from the bytes of a result (no `String` is made).
enum PostgresNumberText {
    /// The value of an optional sign and decimal digits, as `Int(_: String)` reads them; nil for
    /// anything else or a value `T` cannot hold.
    static func integer<T: FixedWidthInteger>(_ bytes: UnsafeBufferPointer<UInt8>, as type: T.Type) -> T? {
        var digits = bytes[...]
        var negative = false
        if let sign = digits.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        var value: T = 0
        for byte in digits {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            // Accumulate towards the sign so that T.min, whose magnitude T cannot hold, parses.
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = negative
                ? shifted.subtractingReportingOverflow(T(digit)) : shifted.addingReportingOverflow(T(digit))
            guard !overflowA, !overflowB else { return nil }
            value = next
        }
        return value
    }

    /// `-?digits[.digits]` with at most 15 digits in all, the shape of most stored coordinates
    /// and estimates; nil for any other text (exponents, `NaN`, longer mantissas), which the
    /// caller reads the general way. Exact: the digits as an integer and the power of ten are
    /// both exact doubles, so the one division rounds correctly, as a full parse would.
    static func shortDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var rest = bytes[...]
        let negative = rest.first == UInt8(ascii: "-")
        if negative { rest = rest.dropFirst() }
        var mantissa: Int64 = 0
        var digits = 0
        var fractionDigits = 0
        var inFraction = false
        for byte in rest {
            if byte == UInt8(ascii: ".") {
                guard !inFraction, digits > 0 else { return nil }
                inFraction = true
                continue
            }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10, digits < 15 else { return nil }
            mantissa = mantissa * 10 + Int64(digit)
            digits += 1
            if inFraction { fractionDigits += 1 }
        }
        guard digits > 0, !inFraction || fractionDigits > 0 else { return nil }
        let value = Double(mantissa) / powersOfTen[fractionDigits]
        return negative ? -value : value
    }

    /// Any other decimal text (`1.2345678901234567`, `1e-05`, `-Infinity`), read by `strtod` from
    /// a copy on the stack rather than through a `String`; nil unless every byte is used, and
    /// nil should the process's locale have a decimal point other than the server's `.`.
    static func anyDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !bytes.isEmpty, bytes.count < 64, !bytes.contains(0), isspace(Int32(bytes[0])) == 0,
              localeconv()?.pointee.decimal_point?.pointee == CChar(UInt8(ascii: "."))
        else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { text -> Double? in
            for (index, byte) in bytes.enumerated() { text[index] = CChar(bitPattern: byte) }
            text[bytes.count] = 0
            guard let start = text.baseAddress else { return nil }
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(start, &end)
            return end == start + bytes.count ? value : nil
        }
    }

    private static let powersOfTen: [Double] = (0...15).map { exponent in
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }
}
