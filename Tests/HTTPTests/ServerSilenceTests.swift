import HTTP
import Loop
import Testing

/// Connections cannot be exhausted by silence: a connection that sends nothing is closed after
/// the request timeout, and at the connection limit idle connections make room for clients
/// with a request, oldest idle first.
@Suite struct ServerSilenceTests {
    init() { EventLoop.startInBackground() }

    @Test func silentConnectionsDoNotStarveARealClient() async throws {
        var configuration = HTTPServerConfiguration.testing
        configuration.maxConnections = 16
        let server = try await TestServer.start(configuration)
        let silent = try (0..<16).map { _ in try WireClient(port: server.port) }

        let client = try WireClient(port: server.port)
        try client.send(Wire.get("/healthz"))
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.text == "ok")

        // The connection idle the longest made room, closed without a word; the others stay.
        #expect(try silent[0].readUntilClosed() == [])
        try silent[1].send(Wire.get("/hello"))
        #expect(try silent[1].readResponse().text == "hello")
        await server.stop()
    }

    @Test func aSilentConnectionIsClosedWith408AfterTheRequestTimeout() async throws {
        var configuration = HTTPServerConfiguration.testing
        configuration.requestTimeout = .milliseconds(300)
        let server = try await TestServer.start(configuration)
        let silent = try WireClient(port: server.port)
        let response = try silent.readLastResponse()
        #expect(response.status == 408)
        #expect(response.header("Connection") == "close")
        await server.stop()
    }

    /// The idle timeout (a minute here) does not govern a request that has begun.
    @Test func aKeepAliveConnectionThatStallsInItsNextHeadGets408() async throws {
        var configuration = HTTPServerConfiguration.testing
        configuration.requestTimeout = .milliseconds(300)
        let server = try await TestServer.start(configuration)
        let client = try WireClient(port: server.port)
        try client.send(Wire.get("/hello"))
        #expect(try client.readResponse().status == 200)
        try client.send("GET /hello HTTP/1.1\r\nHost: t\r\n")
        let response = try client.readLastResponse()
        #expect(response.status == 408)
        #expect(response.header("Connection") == "close")
        await server.stop()
    }

    @Test func anIdleKeepAliveConnectionGivesWayToANewClientAtTheLimit() async throws {
        var configuration = HTTPServerConfiguration.testing
        configuration.maxConnections = 1
        let server = try await TestServer.start(configuration)
        let first = try WireClient(port: server.port)
        try first.send(Wire.get("/hello"))
        #expect(try first.readResponse().status == 200)

        let second = try WireClient(port: server.port)
        try second.send(Wire.get("/healthz"))
        #expect(try second.readResponse().status == 200)
        #expect(try first.readUntilClosed() == [])
        await server.stop()
    }

    /// A client that stops reading is silent too: its stream is cut off after the write timeout.
    @Test func aClientThatStopsReadingIsCutOffAfterTheWriteTimeout() async throws {
        var configuration = HTTPServerConfiguration.testing
        configuration.writeHighWater = 64 * 1024
        configuration.writeTimeout = .milliseconds(300)
        let server = try await TestServer.start(configuration)
        let client = try WireClient(port: server.port)
        try client.send(Wire.get("/flood"))
        #expect(await server.probe.wait(for: "flood ended"))
        await server.stop()
    }
}
