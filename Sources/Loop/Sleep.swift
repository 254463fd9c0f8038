/// Suspends the calling task on the loop for `duration`, without blocking the thread.
///
/// Cancellation ends the sleep early with `CancellationError`.
@LoopActor
public func sleep(for duration: Duration) async throws {
    let sleeper = Sleeper()
    try await withTaskCancellationHandler {
        try await sleeper.wait(duration)
    } onCancel: {
        EventLoop.shared.task { sleeper.finish(throwing: CancellationError()) }
    }
}

/// One sleep: a timer and the continuation it resumes, whichever of timer or cancel comes first.
@LoopActor
private final class Sleeper {
    private enum State {
        case idle
        case waiting(CheckedContinuation<Void, any Error>, LoopTimer)
        case cancelled
        case done
    }
    private var state = State.idle

    func wait(_ duration: Duration) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            // Checked here, not before: a cancellation may have been handled in between.
            guard case .idle = state else { continuation.resume(throwing: CancellationError()); return }
            let timer = LoopTimer()
            state = .waiting(continuation, timer)
            timer.start(after: duration) { [unowned self] in self.finish(throwing: nil) }
        }
    }

    func finish(throwing error: (any Error)?) {
        switch state {
        case .idle:
            state = .cancelled
        case .waiting(let continuation, let timer):
            state = .done
            timer.close()
            if let error { continuation.resume(throwing: error) } else { continuation.resume() }
        case .cancelled, .done:
            break
        }
    }
}
