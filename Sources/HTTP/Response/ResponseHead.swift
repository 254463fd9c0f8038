/// Serialises a response's status line and header fields.
enum ResponseHead {
    /// The head for a complete body: adds `Content-Length`, `Date` and, when the connection
    /// will close, `Connection: close`. `omitBody` is for HEAD, whose length is still the GET's.
    /// `confirmKeepAlive` is for HTTP/1.0 clients, which keep the connection only when told
    /// `Connection: keep-alive` (RFC 9112 §9.3).
    static func serialize(_ response: Response, bodyLength: Int, keepAlive: Bool, confirmKeepAlive: Bool = false,
                          date: String, into out: inout [UInt8]) {
        statusLine(response.status, into: &out)
        for (name, value) in response.headers { field(name, value, into: &out) }
        field("Content-Length", String(bodyLength), into: &out)
        field("Date", date, into: &out)
        if !keepAlive {
            field("Connection", "close", into: &out)
        } else if confirmKeepAlive {
            field("Connection", "keep-alive", into: &out)
        }
        out.append(contentsOf: crlf)
    }

    /// The head of a streamed (chunked) response; the connection closes when the stream ends.
    static func serializeStreaming(_ response: Response, date: String) -> [UInt8] {
        var out: [UInt8] = []
        statusLine(response.status, into: &out)
        for (name, value) in response.headers { field(name, value, into: &out) }
        field("Transfer-Encoding", "chunked", into: &out)
        field("Date", date, into: &out)
        field("Connection", "close", into: &out)
        out.append(contentsOf: crlf)
        return out
    }

    static let continueLine = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
    private static let crlf: [UInt8] = [13, 10]

    private static func statusLine(_ status: Int, into out: inout [UInt8]) {
        out.append(contentsOf: "HTTP/1.1 \(status) \(HTTPStatus.reason(status))\r\n".utf8)
    }

    private static func field(_ name: String, _ value: String, into out: inout [UInt8]) {
        out.append(contentsOf: name.utf8)
        out.append(58); out.append(32)
        // Header values come from our own code; CR/LF would let a value forge headers.
        for byte in value.utf8 where byte != 13 && byte != 10 { out.append(byte) }
        out.append(contentsOf: crlf)
    }
}
