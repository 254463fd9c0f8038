public import Time

/// The live-signal sweep's pure state: a timer ticks it; a tick starts a sweep unless one is
/// still running (a slow database never piles sweeps up); the shell reports how each ended.
/// Time comes in with each tick, so tests drive it by hand.
///
/// Announcing is an insert the database keeps once however many processes sweep (see
/// `sql/008_signals.sql`); this state only counts what this process saw, for `/metrics`.
public struct SignalSweep: Sendable {
    public enum Action: Sendable, Equatable {
        /// Evaluate the watched charts as of `now` and announce what is new.
        case sweep(now: Timestamp)
        /// Nothing: a sweep is still running, or the sweep was stopped.
        case none
    }

    /// What the shell logs after a sweep ended.
    public enum Log: Sendable, Equatable {
        /// This sweep announced signals (a count).
        case announced(Int)
        /// The first failure after a success: later failures of the same run stay quiet.
        case failing
        /// Sweeps work again after this many failures.
        case recovered(afterFailures: Int)
    }

    private enum State { case idle, sweeping, stopped }

    private var state = State.idle
    private var failureStreak = 0
    /// Signals this process announced since it started.
    public private(set) var announcedTotal = 0
    public private(set) var completedSweeps = 0
    public private(set) var failedSweeps = 0

    public init() {}

    /// The timer fired at `now`.
    public mutating func tick(now: Timestamp) -> Action {
        guard state == .idle else { return .none }
        state = .sweeping
        return .sweep(now: now)
    }

    /// The running sweep announced `announced` signals no process had announced before.
    public mutating func sweepSucceeded(announced: Int) -> [Log] {
        guard state == .sweeping else { return [] }
        state = .idle
        completedSweeps += 1
        announcedTotal += announced
        var logs: [Log] = []
        if failureStreak > 0 { logs.append(.recovered(afterFailures: failureStreak)) }
        failureStreak = 0
        if announced > 0 { logs.append(.announced(announced)) }
        return logs
    }

    /// The running sweep failed (its transaction rolled back: nothing was announced).
    public mutating func sweepFailed() -> [Log] {
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
