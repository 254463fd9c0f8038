import Loop
import Testing

/// Server-Sent Events: streamed with chunked coding, and the producer learns when the client leaves.
@Suite struct ServerStreamTests {
    init() { EventLoop.startInBackground() }

    @Test func eventsStreamAndClosedReturnsWhenTheClientLeaves() async throws {
        let server = try await TestServer.start()
        var client: WireClient? = try WireClient(port: server.port)
        try client?.send(Wire.get("/events"))
        let head = try #require(try client?.readHead())
        #expect(head.status == 200)
        #expect(head.header("Content-Type") == "text/event-stream")
        #expect(head.header("Transfer-Encoding") == "chunked")
        #expect(head.header("Content-Length") == nil)
        let event = try #require(try client?.readChunk())
        #expect(String(decoding: event, as: UTF8.self) == "event: greeting\ndata: hello\n\n")
        #expect(!server.probe.contains("events closed"))
        client = nil  // closes the socket
        #expect(await server.probe.wait(for: "events closed"))
        await server.stop()
    }

    @Test func producerSeesIsOpenTurnFalseWhenTheClientLeaves() async throws {
        let server = try await TestServer.start()
        var client: WireClient? = try WireClient(port: server.port)
        try client?.send(Wire.get("/ticks"))
        #expect(try client?.readHead().status == 200)
        for tick in 1...2 {
            let event = try #require(try client?.readChunk())
            #expect(String(decoding: event, as: UTF8.self) == "event: tick\ndata: \(tick)\n\n")
        }
        client = nil
        #expect(await server.probe.wait(for: "ticks ended"))
        await server.stop()
    }
}

extension ServerStreamTests {
    /// Shutdown tells the producer to stop and still ends the chunked body properly, so the
    /// client sees a complete response rather than a cut connection.
    @Test func shutdownEndsAnOpenStreamCleanly() async throws {
        let server = try await TestServer.start()
        var client: WireClient? = try WireClient(port: server.port)
        try client?.send(Wire.get("/events"))
        #expect(try client?.readHead().status == 200)
        #expect(try client?.readChunk() != nil)

        let stopping = Task { @LoopActor in await server.stop() }
        #expect(try client?.readChunk() == nil, "the last chunk")
        #expect(try client?.readUntilClosed() == [])
        #expect(server.probe.contains("events closed"))
        client = nil
        await stopping.value
    }
}
