import JSON
import Loop
import Testing

/// The parser's smuggling refusals, seen from a client: the exact status on the wire, a
/// problem body, `Connection: close`, and nothing more, not even an answer to the request a
/// smuggler hid behind the ambiguous framing.
@Suite struct ServerSmugglingTests {
    init() { EventLoop.startInBackground() }

    /// Hidden behind each ambiguous request; answering it would be the smuggling succeeding.
    static let hidden = Wire.get("/hello")

    static let cases: [RejectionCase] = [
        .init("CL with TE", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + hidden, 400),
        .init("duplicate CL", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello" + hidden, 400),
        .init("obs-fold", "POST /echo HTTP/1.1\r\nHost: t\r\nX-Note: a\r\n b\r\nContent-Length: 0\r\n\r\n" + hidden, 400),
        .init("space before colon", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length : 5\r\n\r\nhello" + hidden, 400),
        .init("TE gzip", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\n" + hidden, 501),
        .init("TE on HTTP/1.0", "POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + hidden, 400),
        .init("bare LF", "GET /hello HTTP/1.1\nHost: t\n\n" + hidden, 400),
        .init("missing CRLF after chunk data", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello0\r\n\r\n" + hidden, 400),
        .init("missing Host", "GET /hello HTTP/1.1\r\n\r\n" + hidden, 400),
        .init("two Hosts", "GET /hello HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n" + hidden, 400),
        .init("oversized chunk extension",
              "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5;" + String(repeating: "x", count: 300) + "\r\nhello\r\n0\r\n\r\n" + hidden, 400),
    ]

    @Test(arguments: cases)
    func refusedOnTheWireAndClosed(_ refusal: RejectionCase) async throws {
        let server = try await TestServer.start()
        let client = try WireClient(port: server.port)
        try client.send(refusal.request)
        let response = try client.readLastResponse()
        #expect(response.status == refusal.status)
        #expect(response.header("Connection") == "close")
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(response.jsonObject?["status"]?.intValue == Int64(refusal.status))
        await server.stop()
    }
}
