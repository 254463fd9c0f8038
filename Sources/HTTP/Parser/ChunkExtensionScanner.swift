/// Checks the chunk extensions after a chunk size:
/// `*( BWS ";" BWS token [ BWS "=" BWS ( token / quoted-string ) ] )`.
struct ChunkExtensionScanner {
    let line: UnsafeBufferPointer<UInt8>
    var index: Int

    /// Whitespace is taken only where the grammar has BWS: before a `;` or around an `=`, never
    /// at the end of the line (`1a \r\n` is refused, as parsers that disagree are how requests
    /// are smuggled).
    mutating func validate() throws(HTTPParseError) {
        while true {
            guard index < line.count else { return }
            skipWhitespace()
            guard index < line.count, line[index] == ASCII.semicolon else { throw .badRequest("malformed chunk extension") }
            index += 1
            skipWhitespace()
            try skipToken()
            let afterName = index
            skipWhitespace()
            guard index < line.count, line[index] == ASCII.equals else {
                index = afterName
                continue
            }
            index += 1
            skipWhitespace()
            if index < line.count, line[index] == ASCII.quote {
                try skipQuotedString()
            } else {
                try skipToken()
            }
        }
    }

    private mutating func skipWhitespace() {
        while index < line.count, ASCII.isWhitespace(line[index]) { index += 1 }
    }

    private mutating func skipToken() throws(HTTPParseError) {
        let start = index
        while index < line.count, ASCII.isTokenChar(line[index]) { index += 1 }
        guard index > start else { throw .badRequest("malformed chunk extension") }
    }

    /// `DQUOTE *( qdtext / "\" any-visible-or-space ) DQUOTE`; no control bytes but HTAB.
    private mutating func skipQuotedString() throws(HTTPParseError) {
        index += 1
        while index < line.count {
            let byte = line[index]
            guard ASCII.isFieldValueByte(byte) else { break }
            if byte == ASCII.quote {
                index += 1
                return
            }
            index += byte == ASCII.backslash ? 2 : 1
        }
        throw .badRequest("malformed chunk extension")
    }
}
