import Loop
import Testing

/// Connection reuse: keep-alive, pipelining, chunked uploads, and when the server must close.
@Suite struct ServerKeepAliveTests {
    init() { EventLoop.startInBackground() }

    @Test func severalRequestsShareOneConnection() async throws {
        let server = try await TestServer.start()
        let client = try WireClient(port: server.port)
        for round in 1...3 {
            try client.send(Wire.echo("round \(round)"))
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "round \(round)")
            #expect(response.header("Connection") == nil)
        }
        try client.send(Wire.get("/hello"))
        #expect(try client.readResponse().text == "hello")
        await server.stop()
    }

    @Test func pipelinedRequestsAreAnsweredInOrderEvenWhenTheFirstIsSlowest() async throws {
        let server = try await TestServer.start()
        let client = try WireClient(port: server.port)
        try client.send(Wire.get("/slow?ms=150") + Wire.echo("second") + Wire.get("/hello"))
        let bodies = try (0..<3).map { _ in try client.readResponse().text }
        #expect(bodies == ["slept 150", "second", "hello"])
        await server.stop()
    }

    @Test func chunkedBodyIsEchoedWholeEvenWhenSplitAcrossSends() async throws {
        let server = try await TestServer.start()
        let client = try WireClient(port: server.port)
        try client.send("POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel")
        try await Task.sleep(for: .milliseconds(20))
        try client.send("lo\r\n7;note=x\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.text == "hello, world")
        try client.send(Wire.get("/hello"))
        #expect(try client.readResponse().text == "hello")
        await server.stop()
    }

    @Test func connectionCloseIsHonoured() async throws {
        let server = try await TestServer.start()
        let client = try WireClient(port: server.port)
        try client.send(Wire.get("/hello", "Connection: close\r\n") + Wire.get("/hello"))
        // The pipelined second request is not answered: the server closes after the first.
        let response = try client.readLastResponse()
        #expect(response.status == 200)
        #expect(response.header("Connection") == "close")
        await server.stop()
    }

    /// A client that half-closes after its request (as `nc` or a shell script does) still
    /// gets the whole response before the server closes.
    @Test func halfClosedClientStillGetsItsResponse() async throws {
        let server = try await TestServer.start()
        let client = try WireClient(port: server.port)
        try client.send(Wire.get("/slow?ms=50"))
        client.finishSending()
        let response = try client.readLastResponse()
        #expect(response.status == 200)
        #expect(response.text == "slept 50")
        await server.stop()
    }

    @Test func http10WithoutKeepAliveCloses() async throws {
        let server = try await TestServer.start()
        let client = try WireClient(port: server.port)
        try client.send("GET /hello HTTP/1.0\r\n\r\n")
        let response = try client.readLastResponse()
        #expect(response.status == 200)
        #expect(response.text == "hello")
        #expect(response.header("Connection") == "close")
        await server.stop()
    }

    /// An HTTP/1.0 client keeps the connection only if the response says `keep-alive` back
    /// (RFC 9112 §9.3); without it the client would close and the reuse would be lost.
    @Test func http10KeepAliveIsConfirmedAndKept() async throws {
        let server = try await TestServer.start()
        let client = try WireClient(port: server.port)
        for _ in 1...2 {
            try client.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.header("Connection") == "keep-alive")
        }
        await server.stop()
    }

    @Test func headAnswersWithHeadersButNoBody() async throws {
        let server = try await TestServer.start()
        let client = try WireClient(port: server.port)
        try client.send(Wire.get("/hello", method: "HEAD") + Wire.get("/hello"))
        let head = try client.readResponse(bodyless: true)
        #expect(head.status == 200)
        #expect(head.header("Content-Length") == "5")
        #expect(head.header("Content-Type") == "text/plain; charset=utf-8")
        // Had HEAD carried a body, its bytes would be read here in place of the status line.
        let get = try client.readResponse()
        #expect(get.status == 200)
        #expect(get.text == "hello")
        await server.stop()
    }
}
