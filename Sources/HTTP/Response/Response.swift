import Loop
/// An HTTP response: status, header fields and a body that is either complete or streamed.
public struct Response: Sendable {
    public var status: Int
    /// Header fields in order. `Content-Length`, `Date` and `Connection` are added by the server.
    public var headers: [(name: String, value: String)]
    public var body: Body

    public enum Body: Sendable {
        case bytes([UInt8])
        /// A body produced while the connection stays open (Server-Sent Events), sent with
        /// chunked transfer coding; the connection closes when the producer returns.
        case stream(@Sendable @LoopActor (ResponseStreamWriter) async -> Void)
    }

    public init(status: Int, headers: [(name: String, value: String)] = [], body: Body = .bytes([])) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response with the given already-serialised body.
    public static func json(_ bytes: [UInt8], status: Int = 200, headers: [(name: String, value: String)] = []) -> Response {
        Response(status: status, headers: fields(contentType: "application/json", headers), body: .bytes(bytes))
    }

    /// A plain-text response.
    public static func text(_ text: String, status: Int = 200, contentType: String = "text/plain; charset=utf-8") -> Response {
        Response(status: status, headers: fields(contentType: contentType, []), body: .bytes(Array(text.utf8)))
    }

    /// The content type and `headers`, in one allocation with room for what the pipeline adds
    /// on the way out (the request id), so appending it does not copy the fields again.
    private static func fields(contentType: String, _ headers: [(name: String, value: String)]) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = []
        fields.reserveCapacity(headers.count + 3)
        fields.append((name: "Content-Type", value: contentType))
        fields.append(contentsOf: headers)
        return fields
    }

    /// The first value of a header field, matched case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveEquals(name) }?.value
    }
}

extension String {
    /// ASCII case-insensitive equality, as header names compare.
    func caseInsensitiveEquals(_ other: String) -> Bool {
        let a = utf8, b = other.utf8
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { x, y in x == y || (x | 0x20 == y | 0x20 && (x | 0x20) >= 0x61 && (x | 0x20) <= 0x7a) }
    }
}
