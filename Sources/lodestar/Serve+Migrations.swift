import Foundation
import Logging
import Loop

extension Serve {
    /// The exit status of a `serve` whose migrations directory holds no migrations (a binary
    /// moved away from its checkout, a mistyped `LODESTAR_SQL_DIR`): EX_CONFIG of sysexits.h.
    /// Such a process could never become ready, so it says why and stops before it listens,
    /// rather than serving `/healthz` with `/readyz` at 503 for ever.
    static let noMigrationsStatus: Int32 = 78

    /// The migrations directory, when it holds at least one `.sql` file; else logs one error
    /// line naming the directory and returns nil.
    static func migrationsDirectory(logger: Logger) -> String? {
        let directory = DatabaseLocation.migrationsDirectory()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        guard names.contains(where: { $0.hasSuffix(".sql") }) else {
            logger.error("migrations not found", metadata: [
                "directory": "\(directory)", "hint": "set LODESTAR_SQL_DIR to the checkout's sql/ directory",
            ])
            return nil
        }
        return directory
    }

    /// How long `serve` waits for its first migration attempt before it listens anyway.
    static let migrationWaitBeforeListening: Duration = .seconds(5)
}

/// Whether the first migration attempt of `serve` has ended (applied, failed, or found the
/// database unreachable), for start-up to wait on before it listens.
@LoopActor
final class MigrationProgress {
    private var ended = false

    func attempted() { ended = true }

    /// Returns once the first attempt has ended, or after `limit`.
    func firstAttempt(waitingAtMost limit: Duration) async {
        let deadline = MonotonicInstant.now + limit
        while !ended, MonotonicInstant.now < deadline {
            try? await sleep(for: .milliseconds(10))
        }
    }
}
