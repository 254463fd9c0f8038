/// RFC 4180 text: fields separated by commas, records ended by CRLF, a field quoted (its
/// quotes doubled) when it holds a comma, a quote, CR or LF.
enum CSVText {
    /// One record, CRLF included; nil fields are empty.
    static func record(_ fields: [String?]) -> String {
        fields.map { $0.map(field) ?? "" }.joined(separator: ",") + "\r\n"
    }

    /// A field, quoted where needed.
    static func field(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }

    /// Client-supplied text as a cell: a leading `=`, `+`, `-`, `@`, tab or CR makes a
    /// spreadsheet read the cell as a formula, so such text gets a leading `'` (OWASP's
    /// advice against CSV injection). Numbers written by the server never pass through here.
    static func text(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }
}
