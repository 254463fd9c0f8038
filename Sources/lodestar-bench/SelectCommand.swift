import ArgumentParser
import Loop
import Postgres
import PostgresBench

/// `lodestar-bench select`: pipelined parameterised reads on one connection.
struct SelectCommand: BenchCommand {
    static let configuration = CommandConfiguration(
        commandName: "select",
        abstract: "Keep --depth parameterised `SELECT $1::int` in flight on one connection.")

    @OptionGroup var run: RunOptions

    @Option(help: "Statements in flight at once.")
    var depth = 256

    @Option(help: "Pipeline batches the in-flight statements are split into.")
    var batches = 2

    func validate() throws {
        guard batches > 0, depth > 0, depth % batches == 0 else {
            throw ValidationError("--depth must be a positive multiple of --batches")
        }
    }

    @LoopActor
    func runOnLoop() async throws {
        let connection = try await PostgresConnection.connect(run.conninfo)
        defer { connection.close() }
        let report = try await run.measure { limit in
            try await PostgresBenchmark.pipelinedSelect(connection: connection, limit: limit, depth: depth, batches: batches)
        }
        print(report.line("select", settings: ["depth": depth, "batches": batches], unit: "queries", per: "round_trips"))
    }
}
