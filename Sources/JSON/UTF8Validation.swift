/// Strict UTF-8 well-formedness as in Unicode table 3-7: no overlong forms, no encoded
/// surrogates, nothing above U+10FFFF.
enum UTF8Validation {
    /// The length of the well-formed multi-byte sequence starting at `offset`, or 0 if the
    /// bytes there are not one. The byte at `offset` must be 0x80 or above.
    static func sequenceLength(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Int {
        let lead = bytes[offset]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return 0
        }
        guard bytes.count - offset >= length, secondRange.contains(bytes[offset + 1]) else { return 0 }
        for index in 2..<length where !(0x80...0xBF).contains(bytes[offset + index]) {
            return 0
        }
        return length
    }
}
