/// A cursor over ASCII bytes for the fixed-layout text of timestamps and time-zone rules.
///
/// Every read either consumes what it matched or reports nil; callers stop at the first nil,
/// so a failed read never needs undoing.
struct ASCIICursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var atEnd: Bool { index == bytes.count }

    /// The next byte, not consumed.
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Exactly `count` decimal digits.
    mutating func number(digits count: Int) -> Int? {
        number(digits: count...count)
    }

    /// As many decimal digits as come, up to `range.upperBound`, at least `range.lowerBound`.
    mutating func number(digits range: ClosedRange<Int>) -> Int? {
        var value = 0
        var count = 0
        while count < range.upperBound, let digit = digit(at: index) {
            value = value * 10 + digit
            count += 1
            index += 1
        }
        return count >= range.lowerBound ? value : nil
    }

    /// Consumes `character` (or its lowercase letter) when it comes next.
    mutating func skip(_ character: Unicode.Scalar, orLowercase: Bool = false) -> Bool {
        guard let byte = peek else { return false }
        let expected = UInt8(ascii: character)
        guard byte == expected || (orLowercase && byte == expected | 0x20) else { return false }
        index += 1
        return true
    }

    /// Consumes a `+` (1) or `-` (-1).
    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }

    /// One or more digits (after the '.'), truncated to microseconds.
    mutating func fractionMicroseconds() -> Int64? {
        var micros: Int64 = 0
        var count = 0
        while let digit = digit(at: index) {
            if count < 6 { micros = micros * 10 + Int64(digit) }
            count += 1
            index += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<max(count, 6) { micros *= 10 }
        return micros
    }

    private func digit(at position: Int) -> Int? {
        guard position < bytes.count else { return nil }
        let byte = bytes[position]
        return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }
}
