import Loop
import Postgres
import Testing

/// Inserts (key, n) rows with one multi-row statement per batch; returns each row's id.
struct KeyedInsert: GroupCommitHandler {
    struct Write: Sendable { var key: String; var n: Int }
    let table: String

    func commit(_ writes: [Write], in transaction: PostgresTransaction) async throws -> [Int] {
        let rows = try await transaction.query(
            "INSERT INTO \(table) (key, n) SELECT * FROM unnest($1::text[], $2::int[]) RETURNING key, id",
            [writes.map(\.key), writes.map(\.n)])
        var ids: [String: Int] = [:]
        for row in rows { ids[try row.decode(String.self, at: 0)] = try row.decode(Int.self, at: 1) }
        return try writes.map { write in
            guard let id = ids[write.key] else { throw PostgresError(kind: .decoding, message: "missing row") }
            return id
        }
    }
}

@Suite struct GroupCommitTests {
    init() { EventLoop.startInBackground() }

    @LoopActor private func makeTable(_ pool: PostgresPool) async throws -> String {
        let table = TestDatabase.uniqueName("group")
        try await pool.query("CREATE TABLE \(table) (id bigserial PRIMARY KEY, key text UNIQUE NOT NULL, n int NOT NULL CHECK (n >= 0))")
        return table
    }

    @Test @LoopActor func tenThousandConcurrentWritesCommitInFewTransactions() async throws {
        let pool = PostgresPool(configuration: .init(conninfo: try TestDatabase.conninfo(), size: 2))
        defer { pool.close() }
        let table = try await makeTable(pool)
        let committer = GroupCommitter(pool: pool, handler: KeyedInsert(table: table), maximumBatchSize: 1000)
        let clock = ContinuousClock()
        let start = clock.now
        let tasks = (0..<10_000).map { index in
            Task { @LoopActor in try await committer.submit(.init(key: "k\(index)", n: index)) }
        }
        var ids = Set<Int>()
        for task in tasks { ids.insert(try await task.value) }
        let elapsed = clock.now - start
        #expect(ids.count == 10_000)
        let count = try await pool.query("SELECT count(*), count(DISTINCT id) FROM \(table)")[0]
        #expect(count[0].int == 10_000)
        #expect(count[1].int == 10_000)
        let statistics = committer.statistics
        #expect(statistics.committedWrites == 10_000)
        #expect(statistics.committedTransactions < 1_000)
        print("group commit: 10000 writes in \(statistics.committedTransactions) transactions, largest batch \(statistics.largestBatch), \(elapsed)")
        try await pool.query("DROP TABLE \(table)")
    }

    @Test @LoopActor func aFailingWriteFailsOnlyItsCaller() async throws {
        let pool = PostgresPool(configuration: .init(conninfo: try TestDatabase.conninfo(), size: 2))
        defer { pool.close() }
        let table = try await makeTable(pool)
        let committer = GroupCommitter(pool: pool, handler: KeyedInsert(table: table), maximumBatchSize: 256)
        // Write 137 breaks the CHECK constraint; write 300 duplicates an existing key.
        try await pool.query("INSERT INTO \(table) (key, n) VALUES ('taken', 0)")
        let tasks = (0..<500).map { index in
            Task { @LoopActor in
                try await committer.submit(.init(key: index == 300 ? "taken" : "k\(index)", n: index == 137 ? -1 : index))
            }
        }
        var failures: [Int: PostgresError] = [:]
        for (index, task) in tasks.enumerated() {
            do { _ = try await task.value } catch let error as PostgresError { failures[index] = error }
        }
        #expect(Set(failures.keys) == [137, 300])
        #expect(failures[137]?.sqlState == "23514")
        #expect(failures[300]?.isUniqueViolation == true)
        #expect(try await pool.query("SELECT count(*) FROM \(table)")[0][0].int == 499)
        try await pool.query("DROP TABLE \(table)")
    }
}
