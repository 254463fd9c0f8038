/// One `field-name ":" OWS field-value OWS` line (RFC 9112 §5), checked strictly; used for the
/// head's field lines and for chunked trailers alike.
struct FieldLine {
    /// Where the name is in the parsed line.
    var name: Range<Int>
    /// Where the value is in the parsed line, surrounding SP and HTAB trimmed.
    var value: Range<Int>

    /// Parses a line's content (CRLF already removed, never empty).
    init(parsing line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        // A leading SP/HTAB is obs-fold (or whitespace before the first field): the classic way to
        // make two parsers disagree about where a field ends.
        if let first = line.first, ASCII.isWhitespace(first) {
            throw .badRequest("obsolete line folding in field section")
        }
        var colon = 0
        while colon < line.count, ASCII.isTokenChar(line[colon]) { colon += 1 }
        guard colon < line.count else { throw .badRequest("field line without colon") }
        guard line[colon] == ASCII.colon else {
            // Whitespace before a colon later in the line is the smuggler's `Name : value`; with
            // no colon at all the line is simply not a field.
            guard line[colon...].contains(ASCII.colon) else { throw .badRequest("field line without colon") }
            throw .badRequest(ASCII.isWhitespace(line[colon])
                ? "whitespace between field name and colon"
                : "invalid character in field name")
        }
        guard colon > 0 else { throw .badRequest("empty field name") }

        let trimmed = ASCII.trimmingWhitespace(line[(colon + 1)...])
        guard trimmed.allSatisfy(ASCII.isFieldValueByte) else {
            throw .badRequest("control character in field value")
        }
        name = 0..<colon
        value = trimmed.startIndex..<trimmed.endIndex
    }
}
