public import Loop

/// Throughput drivers for `ops/bench`: each makes its own scratch table and removes it.
///
/// Not used by the server; they exist so a bench script can measure this machine the same
/// way every time.
@LoopActor
public enum PostgresBenchmark {
    /// What one run measured.
    public struct Report: Sendable, CustomStringConvertible {
        public var operations: Int
        public var seconds: Double
        public var transactions: Int
        /// Latency of single operations, milliseconds.
        public var p50: Double
        public var p99: Double

        public var perSecond: Double { Double(operations) / seconds }

        public var description: String {
            let rate = Int(perSecond)
            return "\(operations) ops in \(Self.rounded(seconds)) s = \(rate)/s, \(transactions) transactions, p50 \(Self.rounded(p50)) ms, p99 \(Self.rounded(p99)) ms"
        }

        private static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
    }

    /// `writers` concurrent callers insert `total` rows through a `GroupCommitter`.
    public static func groupCommit(pool: PostgresPool, total: Int = 20_000, writers: Int = 256, maximumBatchSize: Int = 1000) async throws -> Report {
        let table = "bench_group_commit_\(UInt32.random(in: 0...UInt32.max))"
        try await pool.query("CREATE TABLE \(table) (id bigserial PRIMARY KEY, key text NOT NULL, n int NOT NULL)")
        let committer = GroupCommitter(pool: pool, handler: BenchInsert(table: table), maximumBatchSize: maximumBatchSize)
        let report = try await measure(total: total, workers: writers) { index in
            _ = try await committer.submit(BenchInsert.Write(key: "k\(index)", n: index))
        }
        try await pool.query("DROP TABLE \(table)")
        var result = report
        result.transactions = committer.statistics.committedTransactions
        return result
    }

    /// `workers` concurrent callers run `total` trivial parameterised queries (pipelined).
    public static func pointQueries(pool: PostgresPool, total: Int = 50_000, workers: Int = 256) async throws -> Report {
        try await measure(total: total, workers: workers) { index in
            _ = try await pool.query("SELECT $1::int + 1", [index])
        }
    }

    /// Runs `operation` for indices 0..<total on `workers` concurrent loops and times each call.
    private static func measure(total: Int, workers: Int, _ operation: @escaping @LoopActor (Int) async throws -> Void) async throws -> Report {
        let clock = ContinuousClock()
        var next = 0
        var latencies: [Double] = []
        latencies.reserveCapacity(total)
        let start = clock.now
        let tasks = (0..<workers).map { _ in
            Task { @LoopActor in
                while next < total {
                    let index = next
                    next += 1
                    let began = clock.now
                    try await operation(index)
                    let elapsed = clock.now - began
                    latencies.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
                }
            }
        }
        for task in tasks { try await task.value }
        let seconds = clock.now - start
        latencies.sort()
        func percentile(_ p: Double) -> Double { latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        return Report(
            operations: total, seconds: Double(seconds.components.seconds) + Double(seconds.components.attoseconds) / 1e18,
            transactions: total, p50: percentile(0.5), p99: percentile(0.99))
    }
}

/// The bench's write: one row per write, one `unnest` insert per batch.
struct BenchInsert: GroupCommitHandler {
    struct Write: Sendable { var key: String; var n: Int }
    let table: String

    func commit(_ writes: [Write], in transaction: PostgresTransaction) async throws -> [Void] {
        try await transaction.query(
            "INSERT INTO \(table) (key, n) SELECT * FROM unnest($1::text[], $2::int[])",
            [writes.map(\.key), writes.map(\.n)])
        return Array(repeating: (), count: writes.count)
    }
}
