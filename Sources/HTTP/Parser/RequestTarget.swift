/// The request-target (RFC 9112 §3.2), split into path and query, both still percent-encoded.
///
/// Accepted forms: origin-form (`/path?query`), absolute-form with an `http` or `https` scheme
/// (servers must accept it; the authority is dropped, Host still decides nothing here) and
/// asterisk-form for `OPTIONS *`. Authority-form (CONNECT) is refused: Lodestar is no proxy.
struct RequestTarget: Sendable {
    var raw: String
    var path: String
    var query: String?

    init(parsing bytes: UnsafeBufferPointer<UInt8>, method: String) throws(HTTPParseError) {
        guard let first = bytes.first else { throw .badRequest("empty request target") }
        let pathStart: Int
        if first == ASCII.slash {
            pathStart = 0
        } else if bytes.count == 1, first == UInt8(ascii: "*") {
            guard method == "OPTIONS" else { throw .badRequest("asterisk target outside OPTIONS") }
            raw = "*"
            path = "*"
            query = nil
            return
        } else if let authorityEnd = try Self.absoluteFormAuthorityEnd(bytes) {
            pathStart = authorityEnd
        } else {
            throw .badRequest("unsupported request target form")
        }
        try Self.validatePathAndQuery(UnsafeBufferPointer(rebasing: bytes[pathStart...]))
        let queryMark = bytes[pathStart...].firstIndex(of: ASCII.question)
        let pathEnd = queryMark ?? bytes.endIndex
        raw = String(decoding: bytes, as: UTF8.self)
        path = pathStart == pathEnd ? "/" : String(decoding: bytes[pathStart..<pathEnd], as: UTF8.self)
        query = queryMark.map { String(decoding: bytes[($0 + 1)...], as: UTF8.self) }
    }

    /// Checks every byte is allowed in a path or query and every `%` starts a `%XX` escape.
    private static func validatePathAndQuery(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard ASCII.isTargetByte(byte) else { throw .badRequest("invalid character in request target") }
            if byte == ASCII.percent {
                guard ASCII.isPercentEscape(bytes, at: index) else { throw .badRequest("malformed percent-encoding in request target") }
                index += 2
            }
            index += 1
        }
    }

    /// For `http://authority/...` or `https://authority/...` (scheme in any case), the index where
    /// the authority ends; nil when `bytes` is not absolute-form.
    private static func absoluteFormAuthorityEnd(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> Int? {
        let authorityStart: Int
        if bytes.count > 7, ASCII.equalsIgnoringCase(bytes[0..<7], "http://") {
            authorityStart = 7
        } else if bytes.count > 8, ASCII.equalsIgnoringCase(bytes[0..<8], "https://") {
            authorityStart = 8
        } else {
            return nil
        }
        let authority = bytes[authorityStart...].prefix { $0 != ASCII.slash && $0 != ASCII.question }
        // Userinfo (`@`) in an http(s) URI is to be treated as an error (RFC 9110 §4.2.4).
        let valid = !authority.isEmpty && authority.allSatisfy { byte in
            (ASCII.isTargetByte(byte) && byte != UInt8(ascii: "@")) || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
        }
        guard valid else { throw .badRequest("malformed authority in request target") }
        return authority.endIndex
    }
}
