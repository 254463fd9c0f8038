public import Time

/// The overdue sweep's pure state (SPEC §6: an open follow-up past `due_at` is flagged within
/// a minute, counted in `/metrics` and announced). A timer ticks it; a tick starts a sweep
/// unless one is still running, so a slow database never piles sweeps up; the shell reports how
/// each ended. Time comes in with each tick, so tests drive it by hand.
///
/// Flagging itself is a conditional update in the database, so every follow-up is flagged and
/// announced once however many processes sweep; this state only counts what this process saw.
public struct OverdueSweep: Sendable {
    /// What the shell does after a tick.
    public enum Action: Sendable, Equatable {
        /// Flag the open, unflagged follow-ups due before `cutoff`, and count the open overdue ones.
        case sweep(cutoff: Timestamp)
        /// Nothing: a sweep is still running, or the sweep was stopped.
        case none
    }

    /// What the shell logs after a sweep ended.
    public enum Log: Sendable, Equatable {
        /// This sweep flagged follow-ups (a count, never an id).
        case flagged(Int)
        /// The first failure after a success: later failures of the same run stay quiet.
        case failing
        /// Sweeps work again after this many failures.
        case recovered(afterFailures: Int)

        init(_ log: SweepCycle.Log) {
            switch log {
            case .failing: self = .failing
            case .recovered(let failures): self = .recovered(afterFailures: failures)
            }
        }
    }

    private var cycle = SweepCycle()
    /// Follow-ups this process flagged overdue since it started (a counter).
    public private(set) var flaggedTotal = 0
    /// Open follow-ups past due at the end of the last successful sweep (a gauge); nil before one.
    public private(set) var openOverdue: Int?
    public var completedSweeps: Int { cycle.completedSweeps }
    public var failedSweeps: Int { cycle.failedSweeps }

    public init() {}

    /// The timer fired at `now`.
    public mutating func tick(now: Timestamp) -> Action {
        cycle.start() ? .sweep(cutoff: now) : .none
    }

    /// The running sweep flagged `flagged` follow-ups and found `openOverdue` open ones past due.
    public mutating func sweepSucceeded(flagged: Int, openOverdue: Int) -> [Log] {
        guard let logs = cycle.succeeded() else { return [] }
        flaggedTotal += flagged
        self.openOverdue = openOverdue
        return logs.map(Log.init) + (flagged > 0 ? [.flagged(flagged)] : [])
    }

    /// The running sweep failed (its transaction rolled back: nothing was written).
    public mutating func sweepFailed() -> [Log] {
        cycle.failed().map(Log.init)
    }

    /// No sweep starts from now on, and one still running is no longer reported.
    public mutating func stop() {
        cycle.stop()
    }
}
