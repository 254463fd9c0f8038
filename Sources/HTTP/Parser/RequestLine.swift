/// `method SP request-target SP HTTP-version` (RFC 9112 §3), parsed strictly: exactly one space
/// between the parts, a token method, a target of RFC 3986 characters, and HTTP/1.0 or HTTP/1.1.
struct RequestLine: Sendable {
    var method: String
    var target: RequestTarget
    var version: HTTPVersion

    /// Parses the line's content (CRLF already removed).
    init(parsing line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        guard let firstSpace = line.firstIndex(of: ASCII.space) else {
            throw .badRequest("malformed request line")
        }
        let methodBytes = line[..<firstSpace]
        guard !methodBytes.isEmpty, methodBytes.allSatisfy(ASCII.isTokenChar) else {
            throw .badRequest("malformed request method")
        }
        let afterMethod = line[(firstSpace + 1)...]
        guard let secondSpace = afterMethod.firstIndex(of: ASCII.space) else {
            throw .badRequest("malformed request line")
        }
        method = String(decoding: methodBytes, as: UTF8.self)
        target = try RequestTarget(parsing: UnsafeBufferPointer(rebasing: afterMethod[..<secondSpace]), method: method)
        version = try Self.parseVersion(UnsafeBufferPointer(rebasing: line[(secondSpace + 1)...]))
    }

    /// `HTTP/` DIGIT `.` DIGIT, case-sensitive. A well-formed version we do not speak is 505;
    /// anything else (extra spaces included) is malformed, 400.
    private static func parseVersion(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> HTTPVersion {
        guard bytes.count == 8,
              bytes[0] == UInt8(ascii: "H"), bytes[1] == UInt8(ascii: "T"),
              bytes[2] == UInt8(ascii: "T"), bytes[3] == UInt8(ascii: "P"),
              bytes[4] == ASCII.slash, bytes[6] == UInt8(ascii: "."),
              let major = ASCII.digitValue(bytes[5]), let minor = ASCII.digitValue(bytes[7])
        else {
            throw .badRequest("malformed HTTP version")
        }
        switch (major, minor) {
        case (1, 1): return .http11
        case (1, 0): return .http10
        default: throw HTTPParseError(status: 505, detail: "HTTP version not supported")
        }
    }
}
