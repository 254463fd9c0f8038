import ArgumentParser
import Loop

// The main thread becomes the loop thread, and the chosen command runs on it.
let command: any BenchCommand
do {
    var parsed = try LodestarBench.parseAsRoot()
    guard let bench = parsed as? any BenchCommand else {
        // Only the root is not a bench command: it prints its help.
        try parsed.run()
        LodestarBench.exit()
    }
    command = bench
} catch {
    LodestarBench.exit(withError: error)
}
let failure = RunFailure()
EventLoop.shared.run {
    do { try await command.runOnLoop() } catch { failure.error = error }
}
if let error = failure.error { LodestarBench.exit(withError: error) }

/// Carries a command's failure from the loop back to the main thread.
final class RunFailure: @unchecked Sendable {
    // Written on the loop before `run` returns on the same thread; read after.
    var error: (any Error)?
}
