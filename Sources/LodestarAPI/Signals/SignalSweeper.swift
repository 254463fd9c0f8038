import LodestarCore
import LodestarStore
import Logging
import Loop
import Time
import ZoneInfo

/// The shell of the live-signal sweep (`SignalSweep`): a repeating timer ticks the machine
/// with the wall clock; a sweep reads the watched charts' figures (by region and day, from one
/// snapshot), finds the signals at their ends (`SignalWatch`) and announces the new ones
/// (`SignalStore`), logging counts only. Started once the schema is migrated; stopped before
/// the database closes.
@LoopActor
final class SignalSweeper {
    private let indicators: IndicatorStore
    private let signals: SignalStore
    private let settings: SignalSettings
    private let answerTargetSeconds: Double
    private let logger: Logger
    private let timer = SweepTimer()
    /// What the sweeps found so far, for `/metrics`.
    private(set) var machine = SignalSweep()

    init(database: Database, settings: SignalSettings, answerTargetSeconds: Double, logger: Logger) {
        indicators = database.indicators
        signals = database.signals
        self.settings = settings
        self.answerTargetSeconds = answerTargetSeconds
        self.logger = logger
    }

    /// Sweeps now and then every `sweepInterval`; a second call does nothing.
    func start() {
        timer.start(every: settings.sweepInterval) { [unowned self] in self.tick() }
    }

    /// Stops the timer; a sweep still running finishes in the database but is not reported.
    func stop() {
        machine.stop()
        timer.stop()
    }

    private func tick() {
        guard case .sweep(let now) = machine.tick(now: Timestamp(microseconds: WallClock.microsecondsSinceEpoch)) else { return }
        EventLoop.shared.task { [self] in
            do {
                log(machine.sweepSucceeded(announced: try await sweep(now: now)), error: nil)
            } catch {
                log(machine.sweepFailed(), error: error)
            }
        }
    }

    /// One sweep: the figures, the signals at the charts' ends, the new ones announced.
    private func sweep(now: Timestamp) async throws -> Int {
        let zone = try ZoneInfoDatabase.system.rules(named: settings.timeZone)
        let watch = SignalWatch(zone: zone, now: now)
        let query = IndicatorQuery(from: watch.window.lowerBound, to: watch.window.upperBound, timeZone: settings.timeZone,
                                   groupBy: [.region, .day], answerTargetSeconds: answerTargetSeconds, selection: .charts)
        let candidates = watch.candidates(try await indicators.figures(query, audit: nil))
        return try await signals.announce(candidates.map { $0.announcement(timeZone: settings.timeZone, zone: zone) })
    }

    private func log(_ entries: [SignalSweep.Log], error: (any Error)?) {
        for entry in entries {
            switch entry {
            case .announced(let count):
                logger.info("spc signals announced", metadata: ["count": "\(count)"])
            case .failing:
                SweepTimer.logFailing("signal sweep", error: error, to: logger)
            case .recovered(let failures):
                logger.info("signal sweep works again", metadata: ["failed_sweeps": "\(failures)"])
            }
        }
    }
}
