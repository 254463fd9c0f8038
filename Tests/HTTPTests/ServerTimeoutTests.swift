import HTTP
import Loop
import Testing

/// Slow and idle clients are timed out, without holding up anyone else.
@Suite struct ServerTimeoutTests {
    init() { EventLoop.startInBackground() }

    static var shortTimeouts: HTTPServerConfiguration {
        var configuration = HTTPServerConfiguration.testing
        configuration.requestTimeout = .milliseconds(300)
        configuration.idleTimeout = .milliseconds(300)
        return configuration
    }

    /// A half-sent head and a half-sent body both end in 408; meanwhile another client on the
    /// same server is answered as usual.
    @Test func stalledRequestsGet408WhileOthersAreServed() async throws {
        let server = try await TestServer.start(Self.shortTimeouts)
        let stalledHead = try WireClient(port: server.port)
        try stalledHead.send("GET /hello HTTP/1.1\r\nHost: t\r\n")
        let stalledBody = try WireClient(port: server.port)
        try stalledBody.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nhel")

        let other = try WireClient(port: server.port)
        try other.send(Wire.echo("meanwhile"))
        #expect(try other.readResponse().text == "meanwhile")

        for stalled in [stalledHead, stalledBody] {
            let response = try stalled.readLastResponse()
            #expect(response.status == 408)
            #expect(response.header("Connection") == "close")
        }
        await server.stop()
    }

    @Test func idleKeepAliveConnectionIsClosed() async throws {
        let server = try await TestServer.start(Self.shortTimeouts)
        let client = try WireClient(port: server.port)
        try client.send(Wire.get("/hello"))
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.header("Connection") == nil)
        let clock = ContinuousClock()
        let answered = clock.now
        #expect(try client.readUntilClosed() == [])
        // Only a lower bound: the idle timer may fire late on a busy machine, never early.
        #expect(clock.now - answered >= .milliseconds(200))
        await server.stop()
    }
}
