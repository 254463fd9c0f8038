import ArgumentParser
import Loop

/// The `lodestar` command line.
struct Lodestar: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lodestar: operations and routing backend for a crisis system.",
        subcommands: [Serve.self, Migrate.self, Token.self, DatabaseCommand.self]
    )
}

/// A command whose work runs as async code on the libuv loop.
protocol LoopCommand: ParsableCommand, Sendable {
    @LoopActor func runOnLoop() async throws
}
