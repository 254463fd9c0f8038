import ArgumentParser
import Loop

/// `lodestar-bench`: database throughput on this machine, for `ops/bench/db.sh`.
struct LodestarBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lodestar-bench",
        abstract: "Measure PostgreSQL throughput through Lodestar's Postgres layer.",
        subcommands: [SelectCommand.self, GroupCommitCommand.self]
    )
}

/// A bench command: its work runs as async code on the libuv loop.
protocol BenchCommand: ParsableCommand, Sendable {
    @LoopActor func runOnLoop() async throws
}
