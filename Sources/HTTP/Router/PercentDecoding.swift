/// Percent-decoding of one path segment (RFC 3986 §2.1). `+` stays `+`: that is a form-encoding
/// rule, not a URI one.
enum PercentDecoding {
    /// The decoded segment, or nil when an escape is malformed or the bytes are not UTF-8.
    static func decode(_ segment: Substring) -> String? {
        let utf8 = segment.utf8
        guard utf8.contains(ASCII.percent) else { return String(segment) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            index = utf8.index(after: index)
            guard byte == ASCII.percent else {
                bytes.append(byte)
                continue
            }
            guard index < utf8.endIndex, let high = ASCII.hexValue(utf8[index]) else { return nil }
            index = utf8.index(after: index)
            guard index < utf8.endIndex, let low = ASCII.hexValue(utf8[index]) else { return nil }
            index = utf8.index(after: index)
            bytes.append(UInt8(high << 4 | low))
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
