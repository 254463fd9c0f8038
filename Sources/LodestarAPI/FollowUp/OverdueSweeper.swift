import LodestarCore
import LodestarStore
import Logging
import Loop
import Time

/// The shell of the overdue sweep (`OverdueSweep`): a repeating timer ticks the machine with
/// the wall clock, runs the sweep it asks for, and logs what it reports (counts only, never an
/// id). Started once the schema is migrated; stopped before the database closes.
@LoopActor
final class OverdueSweeper {
    private let store: FollowUpStore
    private let interval: Duration
    private let logger: Logger
    private let timer = SweepTimer()
    /// What the sweeps found so far, for `/metrics`.
    private(set) var machine = OverdueSweep()

    init(store: FollowUpStore, interval: Duration, logger: Logger) {
        self.store = store
        self.interval = interval
        self.logger = logger
    }

    /// Sweeps now and then every `interval`; a second call does nothing.
    func start() {
        timer.start(every: interval) { [unowned self] in self.tick() }
    }

    /// Stops the timer; a sweep still running finishes in the database but is not reported.
    func stop() {
        machine.stop()
        timer.stop()
    }

    private func tick() {
        guard case .sweep(let cutoff) = machine.tick(now: Timestamp(microseconds: WallClock.microsecondsSinceEpoch)) else { return }
        EventLoop.shared.task { [self] in
            do {
                let found = try await store.sweepOverdue(cutoff: cutoff)
                log(machine.sweepSucceeded(flagged: found.flagged, openOverdue: found.openOverdue), error: nil)
            } catch {
                log(machine.sweepFailed(), error: error)
            }
        }
    }

    private func log(_ entries: [OverdueSweep.Log], error: (any Error)?) {
        for entry in entries {
            switch entry {
            case .flagged(let count):
                logger.info("follow-ups flagged overdue", metadata: ["count": "\(count)"])
            case .failing:
                SweepTimer.logFailing("overdue sweep", error: error, to: logger)
            case .recovered(let failures):
                logger.info("overdue sweep works again", metadata: ["failed_sweeps": "\(failures)"])
            }
        }
    }
}
