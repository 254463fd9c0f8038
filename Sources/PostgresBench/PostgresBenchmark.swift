public import Loop
public import Postgres

/// Throughput drivers for `ops/bench`: a run is bounded by an operation count or by time.
///
/// Not used by the server; they exist so a bench script can measure this machine the same
/// way every time.
@LoopActor
public enum PostgresBenchmark {
    /// When a run stops: after a number of calls, or once a duration has passed (the
    /// operations already started then still finish and count).
    public enum Limit: Sendable {
        case calls(Int)
        case duration(Duration)
    }

    /// `writers` concurrent callers insert `total` rows into a scratch table through a
    /// `GroupCommitter` (the table is made for the run and dropped after it).
    public static func groupCommit(pool: PostgresPool, total: Int = 20_000, writers: Int = 256, maximumBatchSize: Int = 1000) async throws -> Report {
        let table = "bench_group_commit_\(UInt32.random(in: 0...UInt32.max))"
        try await pool.query("CREATE TABLE \(table) (id bigserial PRIMARY KEY, key text NOT NULL, n int NOT NULL)")
        let report = try await groupCommit(
            pool: pool, handler: BenchInsert(table: table), limit: .calls(total), writers: writers,
            maximumBatchSize: maximumBatchSize
        ) { index in BenchInsert.Write(key: "k\(index)", n: index) }
        try await pool.query("DROP TABLE \(table)")
        return report
    }

    /// `writers` concurrent callers each submit one write at a time, made by `makeWrite` from
    /// a run-wide counter, through one `GroupCommitter`; latency is per write.
    public static func groupCommit<Handler: GroupCommitHandler>(
        pool: PostgresPool, handler: Handler, limit: Limit, writers: Int, maximumBatchSize: Int,
        makeWrite: @escaping @LoopActor (Int) -> Handler.Write
    ) async throws -> Report {
        let committer = GroupCommitter(pool: pool, handler: handler, maximumBatchSize: maximumBatchSize)
        var report = try await measure(limit: limit, workers: writers) { index in
            _ = try await committer.submit(makeWrite(index))
            return 1
        }
        report.transactions = committer.statistics.committedTransactions
        return report
    }

    /// `workers` concurrent callers run `total` trivial parameterised queries (pipelined).
    public static func pointQueries(pool: PostgresPool, total: Int = 50_000, workers: Int = 256) async throws -> Report {
        try await measure(limit: .calls(total), workers: workers) { index in
            _ = try await pool.query("SELECT $1::int + 1", [index])
            return 1
        }
    }

    /// Runs `operation` for indices 0, 1, ... on `workers` concurrent loop tasks until `limit`,
    /// timing each call. `operation` returns how many operations the call did (a batch does
    /// several); each call counts as one transaction unless the driver says otherwise.
    static func measure(limit: Limit, workers: Int, _ operation: @escaping @LoopActor (Int) async throws -> Int) async throws -> Report {
        let run = BenchRun(limit: limit)
        // EventLoop.task, not Task {}: resumed calls stay on the loop (see LoopTask.swift).
        let tasks = (0..<workers).map { _ in
            EventLoop.shared.task {
                while let index = run.nextIndex() {
                    let began = run.clock.now
                    do {
                        let done = try await operation(index)
                        run.finished(operations: done, after: run.clock.now - began)
                    } catch {
                        run.failed(error)
                    }
                }
            }
        }
        for task in tasks { await task.value }
        return try run.report()
    }
}

/// The scratch-table write: one row per write, one `unnest` insert per batch.
struct BenchInsert: GroupCommitHandler {
    struct Write: Sendable { var key: String; var n: Int }
    let table: String

    func commit(_ writes: [Write], in transaction: PostgresTransaction) async throws -> [Void] {
        try await transaction.query(
            "INSERT INTO \(table) (key, n) SELECT * FROM unnest($1::text[], $2::int[])",
            [writes.map { $0.key }, writes.map { $0.n }])
        return Array(repeating: (), count: writes.count)
    }
}
