public import Time

/// The live-signal sweep's pure state: its `SweepCycle` (no sweep over another, failures
/// logged once a run) and what its sweeps announced. Time comes in with each tick, so tests
/// drive it by hand.
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

        init(_ log: SweepCycle.Log) {
            switch log {
            case .failing: self = .failing
            case .recovered(let failures): self = .recovered(afterFailures: failures)
            }
        }
    }

    private var cycle = SweepCycle()
    /// Signals this process announced since it started.
    public private(set) var announcedTotal = 0
    public var completedSweeps: Int { cycle.completedSweeps }
    public var failedSweeps: Int { cycle.failedSweeps }

    public init() {}

    /// The timer fired at `now`.
    public mutating func tick(now: Timestamp) -> Action {
        cycle.start() ? .sweep(now: now) : .none
    }

    /// The running sweep announced `announced` signals no process had announced before.
    public mutating func sweepSucceeded(announced: Int) -> [Log] {
        guard let logs = cycle.succeeded() else { return [] }
        announcedTotal += announced
        return logs.map(Log.init) + (announced > 0 ? [.announced(announced)] : [])
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
