import ArgumentParser
import Loop
import Postgres
import PostgresBench

/// `lodestar-bench group-commit`: concurrent single-event writers sharing commits.
struct GroupCommitCommand: BenchCommand {
    static let configuration = CommandConfiguration(
        commandName: "group-commit",
        abstract: "--writers concurrent callers each ingest one event at a time through a GroupCommitter.",
        discussion: "Writes the row shape of the pgbench baseline: the tables bench_events and bench_contacts must exist.")

    @OptionGroup var run: RunOptions

    @Option(help: "Concurrent callers, each with one write outstanding.")
    var writers = 32

    @Option(help: "Most writes in one transaction.")
    var maximumBatch = 1000

    @Option(help: "Pool connections (the committer uses one at a time).")
    var connections = 2

    func validate() throws {
        guard writers > 0, maximumBatch > 0, connections > 0 else {
            throw ValidationError("--writers, --maximum-batch and --connections must be positive")
        }
    }

    @LoopActor
    func runOnLoop() async throws {
        let pool = PostgresPool(configuration: .init(conninfo: run.conninfo, size: connections))
        defer { pool.close() }
        let report = try await run.measure { limit in
            try await PostgresBenchmark.eventIngest(pool: pool, limit: limit, writers: writers, maximumBatchSize: maximumBatch)
        }
        print(report.line("group-commit", settings: ["writers": writers], unit: "writes", per: "transactions"))
    }
}
