/// Writes fixed-width ASCII fields into a buffer the caller sized: the dates and times that
/// every response and row carries, without the small strings that joining parts would make.
struct DigitWriter {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// `value` (non-negative, below 10^width) in exactly `width` decimal digits.
    mutating func digits(_ value: Int, _ width: Int) {
        var rest = value
        for index in stride(from: count + width - 1, through: count, by: -1) {
            buffer[index] = UInt8(truncatingIfNeeded: rest % 10) &+ UInt8(ascii: "0")
            rest /= 10
        }
        count += width
    }

    mutating func character(_ scalar: Unicode.Scalar) {
        buffer[count] = UInt8(ascii: scalar)
        count += 1
    }

    /// `YYYY-MM-DD` (the year between 0 and 9999).
    mutating func date(_ date: CivilDate) {
        digits(date.year, 4)
        character("-")
        digits(date.month, 2)
        character("-")
        digits(date.day, 2)
    }
}
