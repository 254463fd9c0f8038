/// A parsed request line and field section, with the facts the connection needs already derived.
public struct RequestHead: Sendable, Equatable {
    /// The method, case-sensitive as sent (`GET`, `POST`, ...).
    public var method: String
    /// The request-target exactly as sent.
    public var target: String
    /// The target's path, before any `?`, still percent-encoded. For absolute-form targets the
    /// path after the authority (`/` if empty); for `OPTIONS *` it is `*`.
    public var path: String
    /// The query after the first `?`, still percent-encoded; nil when there is no `?`.
    public var query: String?
    /// The protocol version.
    public var version: HTTPVersion
    /// Every field line, in order.
    public var headers: HTTPHeaders
    /// Whether the connection may stay open after the response: on HTTP/1.1 unless
    /// `Connection: close`; on HTTP/1.0 only with `Connection: keep-alive` (and no `close`).
    public var keepAlive: Bool
    /// Whether an HTTP/1.1 client sent `Expect: 100-continue` and waits before sending the body.
    public var expectsContinue: Bool
    /// The body length announced by Content-Length, or nil (chunked, or no body).
    public var contentLength: Int?
    /// Whether the body is sent with `Transfer-Encoding: chunked`.
    public var isChunked: Bool

    /// Creates a head; mostly for tests and for code that builds requests by hand.
    public init(
        method: String,
        target: String,
        path: String,
        query: String? = nil,
        version: HTTPVersion = .http11,
        headers: HTTPHeaders = HTTPHeaders(),
        keepAlive: Bool = true,
        expectsContinue: Bool = false,
        contentLength: Int? = nil,
        isChunked: Bool = false
    ) {
        self.method = method
        self.target = target
        self.path = path
        self.query = query
        self.version = version
        self.headers = headers
        self.keepAlive = keepAlive
        self.expectsContinue = expectsContinue
        self.contentLength = contentLength
        self.isChunked = isChunked
    }
}
