import HTTP
import Loop
import Testing

/// Graceful shutdown: in-flight requests are answered, then connections close; no new ones.
@Suite struct ServerShutdownTests {
    init() { EventLoop.startInBackground() }

    @Test func shutdownFinishesTheInFlightRequestAndRefusesNewConnections() async throws {
        // A grace long enough that the request is released well within it, however slowly a
        // loaded machine notices the listener closing (with 1 s, a busy CI run cut it off).
        var configuration = HTTPServerConfiguration.testing
        configuration.shutdownGrace = .seconds(30)
        let server = try await TestServer.start(configuration)
        var busy: WireClient? = try WireClient(port: server.port)
        try busy?.send(Wire.get("/held"))
        #expect(await server.probe.wait(for: "held started"))

        let stopping = Task { @LoopActor in await server.stop() }
        #expect(await Self.becomesRefused(port: server.port))
        server.probe.record("release")

        let response = try #require(try busy?.readLastResponse())
        #expect(response.status == 200)
        #expect(response.text == "released")
        #expect(response.header("Connection") == "close")
        busy = nil
        await stopping.value
    }

    @Test func shutdownClosesIdleConnections() async throws {
        let server = try await TestServer.start()
        let idle = try WireClient(port: server.port)
        try idle.send(Wire.get("/hello"))
        #expect(try idle.readResponse().status == 200)
        await server.stop()
        #expect(try idle.readUntilClosed() == [])
    }

    /// Polls: the listener closes on the loop shortly after shutdown begins.
    static func becomesRefused(port: Int) async -> Bool {
        for _ in 0..<500 {
            if WireClient.isRefused(port: port) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }
}
