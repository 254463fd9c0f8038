/// How a request's body is delimited (RFC 9112 §6.3), once the head is judged.
enum BodyFraming: Sendable, Equatable {
    /// Neither Content-Length nor Transfer-Encoding: no body.
    case none
    /// Content-Length: exactly this many bytes.
    case length(Int)
    /// Transfer-Encoding: chunked.
    case chunked
}

/// The field lines that decide body framing and connection behaviour, collected while the head is
/// read (so repeats fail at once) and judged together when it is complete (`resolve`).
struct FramingFields: Sendable {
    /// The kinds of Transfer-Encoding value; only exactly `chunked` is spoken.
    enum TransferCoding: Sendable {
        case chunked
        /// A single well-formed coding we do not implement (gzip, ...): 501.
        case unsupported
        /// Empty, a list or anything not a token: 400, since lists are where parsers disagree.
        case malformed
    }

    private(set) var contentLength: Int?
    private(set) var transferCoding: TransferCoding?
    private(set) var hostCount = 0
    private(set) var connectionClose = false
    private(set) var connectionKeepAlive = false
    private(set) var sawExpectContinue = false

    /// Looks at one field line; throws at once for the repeats and values that can never be valid.
    mutating func observe(name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        switch name.count {
        case 4 where ASCII.equalsIgnoringCase(name, "host"):
            hostCount += 1
            if hostCount > 1 { throw .badRequest("repeated Host header") }
            if !Self.isValidHost(value) { throw .badRequest("malformed Host header") }
        case 6 where ASCII.equalsIgnoringCase(name, "expect"):
            if ASCII.equalsIgnoringCase(value, "100-continue") { sawExpectContinue = true }
        case 10 where ASCII.equalsIgnoringCase(name, "connection"):
            observeConnection(value)
        case 14 where ASCII.equalsIgnoringCase(name, "content-length"):
            guard contentLength == nil else { throw .badRequest("repeated Content-Length") }
            contentLength = try Self.parseContentLength(value)
        case 17 where ASCII.equalsIgnoringCase(name, "transfer-encoding"):
            guard transferCoding == nil else { throw .badRequest("repeated Transfer-Encoding") }
            transferCoding = Self.classifyTransferCoding(value)
        default:
            break
        }
    }

    /// 1*DIGIT and nothing else: no sign, no spaces inside, no `n, n` lists (even of equal values).
    private static func parseContentLength(_ value: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> Int {
        guard !value.isEmpty else { throw .badRequest("malformed Content-Length") }
        var length = 0
        for byte in value {
            guard let digit = ASCII.digitValue(byte) else { throw .badRequest("malformed Content-Length") }
            let (shifted, overflowA) = length.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = shifted.addingReportingOverflow(digit)
            guard !overflowA, !overflowB else { throw .badRequest("Content-Length out of range") }
            length = sum
        }
        return length
    }

    private static func classifyTransferCoding(_ value: UnsafeBufferPointer<UInt8>) -> TransferCoding {
        if ASCII.equalsIgnoringCase(value, "chunked") { return .chunked }
        return !value.isEmpty && value.allSatisfy(ASCII.isTokenChar) ? .unsupported : .malformed
    }

    /// Connection is a comma-separated list of options; only `close` and `keep-alive` matter here.
    private mutating func observeConnection(_ value: UnsafeBufferPointer<UInt8>) {
        for option in value.split(separator: ASCII.comma) {
            let trimmed = ASCII.trimmingWhitespace(option)
            if ASCII.equalsIgnoringCase(trimmed, "close") { connectionClose = true }
            if ASCII.equalsIgnoringCase(trimmed, "keep-alive") { connectionKeepAlive = true }
        }
    }
}
