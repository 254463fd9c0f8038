/// The text form of one-dimensional PostgreSQL arrays: `{a,"b c",NULL}`.
enum PostgresArrayLiteral {
    /// Renders elements with every non-NULL element quoted, so commas, braces, quotes,
    /// backslashes and the word NULL inside text need no special cases.
    ///
    /// Works on UTF-8 bytes: the two escaped characters are ASCII, so no multi-byte sequence is
    /// split, and a batch's arrays (kilobytes of JSON bodies) render several times faster than
    /// by `Character`.
    static func render(_ elements: [String?]) -> String {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(elements.reduce(2) { $0 + ($1?.utf8.count ?? 4) + 3 })
        bytes.append(UInt8(ascii: "{"))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            guard let element else { bytes.append(contentsOf: "NULL".utf8); continue }
            bytes.append(quote)
            for byte in element.utf8 {
                if byte == quote || byte == backslash { bytes.append(backslash) }
                bytes.append(byte)
            }
            bytes.append(quote)
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses the server's output for a one-dimensional array; nil for anything else
    /// (multi-dimensional arrays, explicit bounds, malformed text).
    static func parse(_ text: String) -> [String?]? {
        var text = text
        var elements: [String?] = []
        let parsed = text.withUTF8 { bytes in
            forEachElement(in: bytes) { element in
                elements.append(element.map { String(decoding: $0, as: UTF8.self) })
                return true
            }
        }
        return parsed ? elements : nil
    }

    /// Calls `body` with each element's bytes, unescaped (nil for NULL), in order; false when the
    /// text is not a one-dimensional array or `body` returns false. Elements without a
    /// backslash (nearly all) are passed in place.
    static func forEachElement(in input: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>?) -> Bool) -> Bool {
        var bytes = input[...]
        guard bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else { return false }
        bytes = bytes.dropFirst().dropLast()
        if bytes.allSatisfy(isSpace) { return true }
        while true {
            guard let (element, rest) = parseElement(bytes) else { return false }
            let accepted = switch element {
            case .null: body(nil)
            case .inPlace(let value): body(UnsafeBufferPointer(rebasing: value))
            case .unescaped(let value): value.withUnsafeBufferPointer { body($0) }
            }
            guard accepted else { return false }
            bytes = rest.drop(while: isSpace)
            guard let next = bytes.first else { return true }
            guard next == UInt8(ascii: ",") else { return false }
            bytes = bytes.dropFirst()
        }
    }

    private typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    private enum Element {
        case null
        case inPlace(Bytes)
        case unescaped([UInt8])
    }

    /// One element and the bytes after it.
    private static func parseElement(_ input: Bytes) -> (Element, Bytes)? {
        let bytes = input.drop(while: isSpace)
        guard let first = bytes.first, first != UInt8(ascii: "{") else { return nil }
        if first == UInt8(ascii: "\"") {
            let body = bytes.dropFirst()
            guard let end = body.firstIndex(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return nil }
            guard body[end] == UInt8(ascii: "\"") else { return parseEscapedElement(bytes) }
            return (.inPlace(body[..<end]), body[(end + 1)...])
        }
        let end = bytes.firstIndex { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "\\") } ?? bytes.endIndex
        guard end == bytes.endIndex || bytes[end] != UInt8(ascii: "\\") else { return parseEscapedElement(bytes) }
        var value = bytes[..<end]
        while let last = value.last, isSpace(last) { value = value.dropLast() }
        // An unquoted NULL (any case) is SQL NULL; the server quotes the text "NULL".
        if value.count == 4, zip(value, "NULL".utf8).allSatisfy({ $0 & 0xDF == $1 }) { return (.null, bytes[end...]) }
        return (.inPlace(value), bytes[end...])
    }

    /// `parseElement` for an element with backslash escapes, from its first byte.
    private static func parseEscapedElement(_ input: Bytes) -> (Element, Bytes)? {
        var bytes = input
        var value: [UInt8] = []
        if bytes.first == UInt8(ascii: "\"") {
            bytes = bytes.dropFirst()
            while true {
                guard let byte = bytes.popFirst() else { return nil }
                if byte == UInt8(ascii: "\"") { break }
                if byte == UInt8(ascii: "\\") {
                    guard let escaped = bytes.popFirst() else { return nil }
                    value.append(escaped)
                } else {
                    value.append(byte)
                }
            }
            return (.unescaped(value), bytes)
        }
        while let byte = bytes.first, byte != UInt8(ascii: ","), byte != UInt8(ascii: "}") {
            if byte == UInt8(ascii: "\\") {
                bytes = bytes.dropFirst()
                guard let escaped = bytes.popFirst() else { return nil }
                value.append(escaped)
            } else {
                value.append(byte)
                bytes = bytes.dropFirst()
            }
        }
        while let last = value.last, isSpace(last) { value.removeLast() }
        return (.unescaped(value), bytes)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}
