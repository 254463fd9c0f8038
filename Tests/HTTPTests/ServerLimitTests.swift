import HTTP
import Loop
import Testing

/// Size limits, `Expect: 100-continue`, and the connection cap.
@Suite struct ServerLimitTests {
    init() { EventLoop.startInBackground() }

    @Test func headOverSixteenKiBIs431() async throws {
        let server = try await TestServer.start()
        let client = try WireClient(port: server.port)
        try client.send(Wire.get("/hello", "X-Padding: " + String(repeating: "p", count: 17 * 1024) + "\r\n"))
        let response = try client.readLastResponse()
        #expect(response.status == 431)
        #expect(response.header("Connection") == "close")
        await server.stop()
    }

    /// The 413 must come before the body: the client is waiting for `100 Continue` and never
    /// sends the two mebibytes, so only an early answer arrives at all.
    @Test func twoMiBContentLengthIs413BeforeAnyBody() async throws {
        let server = try await TestServer.start()
        let client = try WireClient(port: server.port)
        try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2097152\r\nExpect: 100-continue\r\n\r\n")
        let response = try client.readLastResponse()
        #expect(response.status == 413)
        #expect(response.header("Connection") == "close")
        await server.stop()
    }

    @Test func expectContinueGets100BeforeTheFinalResponse() async throws {
        let server = try await TestServer.start()
        let client = try WireClient(port: server.port)
        try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
        let interim = try client.readResponse()
        #expect(interim.version == "HTTP/1.1")
        #expect(interim.status == 100)
        #expect(interim.headers.isEmpty)
        try client.send("hello")
        let final = try client.readResponse()
        #expect(final.status == 200)
        #expect(final.text == "hello")
        await server.stop()
    }

    /// A chunked upload arrives in pieces; `100 Continue` must still be sent exactly once, or
    /// the client would take the second one for the final response.
    @Test func expectContinueIsSentOnceForAChunkedBodyArrivingInPieces() async throws {
        let server = try await TestServer.start()
        let client = try WireClient(port: server.port)
        try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n")
        #expect(try client.readResponse().status == 100)
        for piece in ["5\r\n", "hello\r\n", "0\r\n", "\r\n"] {
            try client.send(piece)
            try await Task.sleep(for: .milliseconds(20))
        }
        let final = try client.readResponse()
        #expect(final.status == 200)
        #expect(final.text == "hello")
        await server.stop()
    }

    /// Behind a slow pipelined request the 100 must wait for that response, then still come:
    /// a client that never gets it stalls (or, like curl, sends the body after a guess).
    @Test func expectContinueBehindAPipelinedRequestComesAfterItsResponse() async throws {
        let server = try await TestServer.start()
        let client = try WireClient(port: server.port)
        try client.send(Wire.get("/slow?ms=100") + "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
        #expect(try client.readResponse().text == "slept 100")
        #expect(try client.readResponse().status == 100)
        try client.send("hello")
        #expect(try client.readResponse().text == "hello")
        await server.stop()
    }

    @Test func connectionsBeyondTheCapAre503WhenNoneIsIdle() async throws {
        var configuration = HTTPServerConfiguration.testing
        configuration.maxConnections = 1
        let server = try await TestServer.start(configuration)
        let busy = try WireClient(port: server.port)
        try busy.send(Wire.get("/held"))
        #expect(await server.probe.wait(for: "held started"))

        let second = try WireClient(port: server.port)
        let refused = try second.readLastResponse()
        #expect(refused.status == 503)
        #expect(refused.header("Retry-After") == "1")
        #expect(refused.header("Connection") == "close")

        // The busy connection is unaffected.
        server.probe.record("release")
        #expect(try busy.readResponse().text == "released")

        // Now idle, it makes room for the next client (a refused connection takes no slot).
        let third = try WireClient(port: server.port)
        try third.send(Wire.get("/hello"))
        #expect(try third.readResponse().status == 200)
        #expect(try busy.readUntilClosed() == [])
        await server.stop()
    }
}
