import Loop
import Postgres
import Testing

@Suite struct NotifyTests {
    init() { EventLoop.startInBackground() }

    @Test @LoopActor func notificationsTravelBetweenConnections() async throws {
        let conninfo = try TestDatabase.conninfo()
        let listening = PostgresPool(configuration: .init(conninfo: conninfo, size: 1))
        let sending = PostgresPool(configuration: .init(conninfo: conninfo, size: 1))
        defer { listening.close(); sending.close() }
        let channel = TestDatabase.uniqueName("board changes")
        let stream = try await listening.notifications(channel: channel)
        var iterator = stream.makeAsyncIterator()
        try await sending.notify(channel: channel, payload: "contact 1")
        // Delivered only on commit, in commit order.
        try await sending.transaction { tx in
            try await tx.query("SELECT pg_notify($1, $2)", [channel, "contact 2"])
            try await tx.query("SELECT pg_notify($1, $2)", [channel, "contact 3"])
        }
        var payloads: [String] = []
        for _ in 0..<3 { payloads.append(await iterator.next()?.payload ?? "<ended>") }
        #expect(payloads == ["contact 1", "contact 2", "contact 3"])
    }

    @Test @LoopActor func closingThePoolEndsTheStreams() async throws {
        let pool = PostgresPool(configuration: .init(conninfo: try TestDatabase.conninfo(), size: 1))
        let stream = try await pool.notifications(channel: TestDatabase.uniqueName("closing"))
        pool.close()
        var iterator = stream.makeAsyncIterator()
        #expect(await iterator.next() == nil)
        await #expect(throws: PostgresError.self) { try await pool.notifications(channel: "other") }
    }
}
