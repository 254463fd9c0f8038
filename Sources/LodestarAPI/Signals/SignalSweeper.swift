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
    private var timer: LoopTimer?
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
        guard timer == nil else { return }
        let timer = LoopTimer()
        timer.start(after: .zero, repeating: settings.sweepInterval) { [unowned self] in self.tick() }
        self.timer = timer
    }

    /// Stops the timer; a sweep still running finishes in the database but is not reported.
    func stop() {
        machine.stop()
        timer?.close()
        timer = nil
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
                // The error's type and database code only: a server message may quote data.
                var metadata = error.map(ErrorLogMetadata.of) ?? [:]
                if let error { metadata["error"] = "\(type(of: error))" }
                logger.warning("signal sweep failed; retrying on the next tick", metadata: metadata)
            case .recovered(let failures):
                logger.info("signal sweep works again", metadata: ["failed_sweeps": "\(failures)"])
            }
        }
    }
}
