import ArgumentParser
import Loop

/// `lodestar-bench`: database throughput on this machine, for `ops/bench/db.sh`, and routing
/// decisions per second, for `ops/bench/rules.sh`.
struct LodestarBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lodestar-bench",
        abstract: "Measure PostgreSQL throughput through Lodestar's Postgres layer, and routing decisions per second.",
        subcommands: [SelectCommand.self, GroupCommitCommand.self, RulesCommand.self]
    )
}

/// A bench command: its work runs as async code on the libuv loop.
protocol BenchCommand: ParsableCommand, Sendable {
    @LoopActor func runOnLoop() async throws
}
