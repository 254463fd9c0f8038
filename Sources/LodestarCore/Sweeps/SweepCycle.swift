/// The run state every periodic background sweep shares (the overdue follow-ups, the live SPC
/// signals): a tick starts a sweep only when none is running, so a slow database never piles
/// sweeps up, and none once stopped; outcomes are counted for `/metrics`; a run of failures is
/// reported once when it begins and once when sweeps work again, so an outage does not flood
/// the log.
public struct SweepCycle: Sendable {
    /// What the shell logs about the cycle itself.
    public enum Log: Sendable, Equatable {
        /// The first failure after a success: later failures of the same run stay quiet.
        case failing
        /// Sweeps work again after this many failures.
        case recovered(afterFailures: Int)
    }

    private enum State { case idle, sweeping, stopped }

    private var state = State.idle
    private var failureStreak = 0
    public private(set) var completedSweeps = 0
    public private(set) var failedSweeps = 0

    public init() {}

    /// The timer fired: true when a sweep starts now.
    public mutating func start() -> Bool {
        guard state == .idle else { return false }
        state = .sweeping
        return true
    }

    /// The running sweep succeeded: what to log, or nil when no sweep was running (it ended
    /// after a stop, and is not reported).
    public mutating func succeeded() -> [Log]? {
        guard state == .sweeping else { return nil }
        state = .idle
        completedSweeps += 1
        defer { failureStreak = 0 }
        return failureStreak > 0 ? [.recovered(afterFailures: failureStreak)] : []
    }

    /// The running sweep failed (its transaction rolled back): what to log.
    public mutating func failed() -> [Log] {
        guard state == .sweeping else { return [] }
        state = .idle
        failedSweeps += 1
        failureStreak += 1
        return failureStreak == 1 ? [.failing] : []
    }

    /// No sweep starts from now on, and one still running is no longer reported.
    public mutating func stop() {
        state = .stopped
    }
}
