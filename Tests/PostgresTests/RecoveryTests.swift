import Loop
import Postgres
import Testing

/// The server dies mid-use and comes back: the pool and the listener recover on their own.
@Suite struct RecoveryTests {
    init() { EventLoop.startInBackground() }

    @Test func poolAndListenerRecoverAfterTheServerIsKilledAndRestarted() async throws {
        let cluster = try ScratchCluster()
        defer { cluster.destroy() }
        try cluster.start()
        let pool = await PostgresPool(configuration: .init(
            conninfo: cluster.conninfo, size: 2, acquireTimeout: .seconds(1),
            minimumBackoff: .milliseconds(20), maximumBackoff: .milliseconds(200)))
        defer { Task { @LoopActor in pool.close() } }
        #expect(try await pool.query("SELECT 1")[0][0].int == 1)
        let stream = try await pool.notifications(channel: "board")

        // Killed while a query runs: that caller hears about it, nobody hangs.
        let running = Task { @LoopActor in try await pool.query("SELECT pg_sleep(5)") }
        // Kill only once the server is running that query, so the kill lands mid-query
        // however slowly the machine gets there.
        let observer = await PostgresPool(configuration: .init(conninfo: cluster.conninfo, size: 1))
        var isRunning = false
        for _ in 0..<200 where !isRunning {
            let active = try await observer.query(
                "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query = 'SELECT pg_sleep(5)'")
            isRunning = active[0][0].int == 1
            if !isRunning { try await Task.sleep(for: .milliseconds(10)) }
        }
        await observer.close()
        #expect(isRunning)
        try cluster.kill()
        let lost = await #expect(throws: PostgresError.self) { try await running.value }
        #expect(lost?.kind == .connectionLost)

        // While down, callers get `.unavailable` within the acquire timeout.
        let clock = ContinuousClock()
        let start = clock.now
        let down = await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") }
        #expect(down.map { $0.kind == .unavailable || $0.kind == .connectionLost } == true)
        // Bounded by the 1 s acquire timeout; generous, since a loaded machine may be slow.
        #expect(clock.now - start < .seconds(10))
        #expect(await pool.isReady == false)

        try cluster.start()
        var recovered = false
        for _ in 0..<100 where !recovered {
            recovered = (try? await pool.query("SELECT 2")[0][0].int) == 2
            if !recovered { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(recovered)
        #expect(await pool.isReady)

        // The listener re-LISTENed: it marks the gap, then delivers again.
        var iterator = stream.makeAsyncIterator()
        let marker = await iterator.next()
        #expect(marker?.isReconnectMarker == true)
        try await pool.notify(channel: "board", payload: "after restart")
        #expect(await iterator.next()?.payload == "after restart")
    }
}
