/// A complete request as handlers see it: the parsed head and the whole body. What routing and
/// middleware learn about it (path parameters, request id, caller) travels in the request context.
public struct Request: Sendable {
    public let head: RequestHead
    public let body: [UInt8]

    public init(head: RequestHead, body: [UInt8]) {
        self.head = head
        self.body = body
    }

    public var method: String { head.method }
    public var path: String { head.path }

    /// The decoded query parameters in the order sent, repeated names kept (a route decides
    /// whether a repeat is an error).
    public var query: QueryParameters { QueryString.parse(head.query ?? "") }

    /// The first value of a request header, matched case-insensitively.
    public func header(_ name: String) -> String? { head.headers[name] }

    /// Whether the request carries a body: a positive `Content-Length` or a chunked one.
    public var hasBody: Bool { (head.contentLength ?? 0) > 0 || head.isChunked }
}
