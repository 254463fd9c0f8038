/// Reads big-endian fields from TZif bytes, failing with `.truncated` past the end.
struct TZifReader {
    let bytes: [UInt8]
    var index = 0

    var atEnd: Bool { index == bytes.count }

    mutating func take(_ count: Int) throws(TZifError) -> ArraySlice<UInt8> {
        guard count >= 0, bytes.count - index >= count else { throw .truncated }
        defer { index += count }
        return bytes[index..<index + count]
    }

    mutating func byte() throws(TZifError) -> UInt8 {
        try take(1).first!
    }

    /// A big-endian two's-complement integer of `size` bytes (4 or 8).
    mutating func signed(size: Int) throws(TZifError) -> Int64 {
        let field = try take(size)
        let raw = field.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        // Sign-extend from `size` bytes.
        let shift = UInt64(64 - 8 * size)
        return Int64(bitPattern: raw << shift) >> shift
    }

    mutating func count() throws(TZifError) -> Int {
        let value = try signed(size: 4)
        // Counts are unsigned 32-bit; a file of a few kilobytes never needs one this large.
        guard value >= 0, value < 1 << 24 else { throw .malformed("count out of range") }
        return Int(value)
    }
}
