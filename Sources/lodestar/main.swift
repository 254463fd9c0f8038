import ArgumentParser
import Loop
#if canImport(Glibc)
import Glibc
#endif

// The main thread becomes the loop thread: async commands run on it as ordinary async code.
do {
    var command = try Lodestar.parseAsRoot()
    if let loopCommand = command as? any LoopCommand {
        let outcome = LoopOutcome()
        EventLoop.shared.run {
            do { try await loopCommand.runOnLoop() } catch { outcome.error = error }
        }
        if let error = outcome.error { Lodestar.exit(withError: error) }
    } else {
        try command.run()
    }
} catch {
    Lodestar.exit(withError: error)
}

/// Carries a loop command's failure back to the main thread after the loop ended.
final class LoopOutcome: @unchecked Sendable {
    // Written on the loop before `run` returns on the same thread; read after.
    var error: (any Error)?
}
