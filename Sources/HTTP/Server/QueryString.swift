/// Parses `application/x-www-form-urlencoded` query strings.
enum QueryString {
    static func parse(_ query: String) -> QueryParameters {
        var fields: [QueryParameters.Field] = []
        var hasUndecodableName = false
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]) else {
                hasUndecodableName = true
                continue
            }
            fields.append(.init(name: name, value: parts.count > 1 ? decode(parts[1]) : ""))
        }
        return QueryParameters(fields: fields, hasUndecodableName: hasUndecodableName)
    }

    /// Percent-decodes and turns `+` into a space; nil for malformed escapes or invalid UTF-8.
    static func decode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(32)
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(ASCII.hexValue), let low = iterator.next().flatMap(ASCII.hexValue) else { return nil }
                bytes.append(UInt8(high << 4 | low))
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
