import Synchronization

/// What test handlers report from the loop (a handler started, a stream saw its client leave),
/// so a test can wait for a server-side fact instead of guessing with sleeps.
final class ServerProbe: Sendable {
    private let events = Mutex<[String]>([])

    func record(_ event: String) {
        events.withLock { $0.append(event) }
    }

    func contains(_ event: String) -> Bool {
        events.withLock { $0.contains(event) }
    }

    /// Polls until `event` was recorded; false if it was not within `timeout` (generous, so a
    /// loaded machine does not fail the test; only a server that never gets there does).
    /// Generous by default: it returns as soon as the event is seen, and in the whole suite
    /// this process's tasks can be held up for tens of seconds.
    func wait(for event: String, timeout: Duration = .seconds(90)) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if contains(event) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return contains(event)
    }
}
