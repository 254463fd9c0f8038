import Loop
import Postgres
import PostgresBench
import Testing

/// Keeps the bench drivers working; the real runs use larger numbers (ops/bench).
@Suite struct BenchRunTests {
    init() { EventLoop.startInBackground() }

    @Test @LoopActor func benchDriversRunOnASmallScale() async throws {
        let pool = PostgresPool(configuration: .init(conninfo: try TestDatabase.conninfo(), size: 2))
        defer { pool.close() }
        let commits = try await PostgresBenchmark.groupCommit(pool: pool, total: 500, writers: 32, maximumBatchSize: 100)
        #expect(commits.operations == 500)
        #expect(commits.transactions >= 5 && commits.transactions < 500)
        let queries = try await PostgresBenchmark.pointQueries(pool: pool, total: 500, workers: 16)
        #expect(queries.p99 >= queries.p50)
    }
}
