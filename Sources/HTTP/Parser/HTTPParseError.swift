/// Why a request was refused, with the status to answer it with.
///
/// `detail` is a fixed phrase chosen by the parser; it never quotes the request, so it is safe to
/// log and to send back (the request may carry personal data). After throwing one of these the
/// parser is dead: the connection answers `status` and closes.
public struct HTTPParseError: Error, Sendable, Equatable {
    /// The HTTP status to answer with: 400, 413, 431, 501 or 505.
    public let status: Int
    /// A short, human-readable reason, e.g. "Content-Length and Transfer-Encoding together".
    public let detail: String

    /// Creates an error; `detail` must not contain anything taken from the request.
    public init(status: Int, detail: String) {
        self.status = status
        self.detail = detail
    }
}

extension HTTPParseError: CustomStringConvertible {
    /// `status detail`, for logs.
    public var description: String { "\(status) \(detail)" }
}

extension HTTPParseError {
    /// A 400: the request is malformed or ambiguous.
    static func badRequest(_ detail: String) -> HTTPParseError {
        HTTPParseError(status: 400, detail: detail)
    }

    /// A 413: the body is larger than the limit.
    static let bodyTooLarge = HTTPParseError(status: 413, detail: "request body too large")

    /// A 431: the head (or trailer section) is larger than the limit, in bytes or in field lines.
    static func headTooLarge(_ detail: String) -> HTTPParseError {
        HTTPParseError(status: 431, detail: detail)
    }
}
