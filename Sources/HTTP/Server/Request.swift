import Loop
/// A complete request as handlers see it: the parsed head, the whole body and the path
/// parameters of the matched route.
public struct Request: Sendable {
    public let head: RequestHead
    public let body: [UInt8]
    public internal(set) var parameters: PathParameters

    public init(head: RequestHead, body: [UInt8], parameters: PathParameters) {
        self.head = head
        self.body = body
        self.parameters = parameters
    }

    public var method: String { head.method }
    public var path: String { head.path }

    /// The decoded query parameters (`a=1&b=x%20y`); the last value wins for a repeated name.
    public var query: [String: String] { QueryString.parse(head.query ?? "") }

    /// The first value of a request header, matched case-insensitively.
    public func header(_ name: String) -> String? { head.headers[name] }
}

/// A route handler: ordinary async code on the loop. Throw an `HTTPResponseError` to answer
/// with it; any other error becomes a 500 that reveals nothing.
public typealias Handler = @Sendable @LoopActor (Request) async throws -> Response
