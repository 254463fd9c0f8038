import Loop
#if canImport(Glibc)
import Glibc
#endif

/// Waits for SIGTERM or SIGINT on the loop.
@LoopActor
final class ShutdownSignal {
    private var watchers: [SignalWatcher] = []
    private var continuation: CheckedContinuation<String, Never>?
    private var arrived: String?

    /// Suspends until the first of SIGTERM or SIGINT arrives; returns its name.
    static func wait() async throws -> String {
        let signal = ShutdownSignal()
        return try await signal.waitForFirst()
    }

    private func waitForFirst() async throws -> String {
        watchers = [
            try SignalWatcher(signal: SIGTERM) { [unowned self] in self.received("SIGTERM") },
            try SignalWatcher(signal: SIGINT) { [unowned self] in self.received("SIGINT") },
        ]
        return await withCheckedContinuation { continuation in
            if let arrived { continuation.resume(returning: arrived) } else { self.continuation = continuation }
        }
    }

    private func received(_ name: String) {
        for watcher in watchers { watcher.close() }
        watchers = []
        arrived = arrived ?? name
        continuation?.resume(returning: name)
        continuation = nil
    }
}
