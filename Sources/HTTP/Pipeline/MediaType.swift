/// Reading a `Content-Type` value (RFC 9110 §8.3.1): `type/subtype *( OWS ";" OWS parameter )`.
enum MediaType {
    /// Whether `value` declares JSON in UTF-8: `application/json` in any case, with any
    /// parameters except a `charset` other than `utf-8` (JSON is UTF-8, RFC 8259 §8.1).
    static func isJSON(_ value: String) -> Bool {
        let parts = value.split(separator: ";", omittingEmptySubsequences: false)
        guard ASCII.equalsIgnoringCase(trimmed(parts[0]), "application/json") else { return false }
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2, ASCII.equalsIgnoringCase(trimmed(pair[0]), "charset") else { continue }
            var charset = trimmed(pair[1])
            if charset.count >= 2, charset.first == "\"", charset.last == "\"" { charset = String(charset.dropFirst().dropLast()) }
            if !ASCII.equalsIgnoringCase(charset, "utf-8") { return false }
        }
        return true
    }

    private static func trimmed(_ text: Substring) -> String {
        String(decoding: ASCII.trimmingWhitespace(text.utf8), as: UTF8.self)
    }
}
