import Logging
import Loop

/// The timer of a background sweep (the overdue follow-ups, the live signals): fires at once,
/// then every `interval`, until stopped; a second start does nothing.
@LoopActor
final class SweepTimer {
    private var timer: LoopTimer?

    func start(every interval: Duration, _ tick: @escaping @LoopActor () -> Void) {
        guard timer == nil else { return }
        let timer = LoopTimer()
        timer.start(after: .zero, repeating: interval, tick)
        self.timer = timer
    }

    func stop() {
        timer?.close()
        timer = nil
    }

    /// Logs the first failure of a run of failed sweeps: the error's type and database code
    /// only, since a server message may quote data.
    static func logFailing(_ sweep: String, error: (any Error)?, to logger: Logger) {
        var metadata = error.map(ErrorLogMetadata.of) ?? [:]
        if let error { metadata["error"] = "\(type(of: error))" }
        logger.warning("\(sweep) failed; retrying on the next tick", metadata: metadata)
    }
}
