import CUV

/// A libuv timer: calls back on the loop after a delay, optionally repeating.
@LoopActor
public final class LoopTimer: UVHandle {
    private var callback: (@LoopActor () -> Void)?

    public init() {
        super.init(type: UV_TIMER)
        uv_timer_init(EventLoop.shared.raw, typed(uv_timer_t.self))
        didInitialise()
    }

    /// (Re)starts the timer: fires after `delay`, then every `interval` if given.
    public func start(after delay: Duration, repeating interval: Duration? = nil, _ callback: @escaping @LoopActor () -> Void) {
        precondition(!isClosed, "timer used after close")
        self.callback = callback
        arm(after: delay, repeating: interval)
    }

    /// Re-arms the timer with the callback it was last started with: for a timer re-armed on
    /// every request, which would otherwise allocate a new closure each time.
    public func restart(after delay: Duration) {
        precondition(!isClosed && callback != nil, "timer restarted before it was started, or after close")
        arm(after: delay, repeating: nil)
    }

    private func arm(after delay: Duration, repeating interval: Duration?) {
        uv_timer_start(typed(uv_timer_t.self), { timer in
            LoopActor.assumeIsolated {
                UVHandle.owner(of: timer, as: LoopTimer.self).fire()
            }
        }, delay.milliseconds, interval?.milliseconds ?? 0)
    }

    /// Stops the timer without closing it; it can be started again.
    public func stop() {
        guard !isClosed else { return }
        uv_timer_stop(typed(uv_timer_t.self))
    }

    /// Lets the loop end while this timer is still pending (for housekeeping timers).
    public func unref() { uv_unref(handle) }

    /// A housekeeping timer: calls back every `interval` (the first time one interval from
    /// now) and does not keep the loop alive. Close it to stop it.
    public static func housekeeping(every interval: Duration, _ callback: @escaping @LoopActor () -> Void) -> LoopTimer {
        let timer = LoopTimer()
        timer.start(after: interval, repeating: interval, callback)
        timer.unref()
        return timer
    }

    private func fire() { callback?() }

    override func willClose() { callback = nil }
}

/// The loop's cached notion of now, in milliseconds; cheap, updated once per loop iteration.
@LoopActor
public func loopNowMilliseconds() -> UInt64 { uv_now(EventLoop.shared.raw) }

extension Duration {
    /// Whole milliseconds, rounded up so a short positive delay never becomes "now".
    var milliseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        let millis = UInt64(seconds) * 1000 + UInt64(attoseconds / 1_000_000_000_000_000)
        let remainder = attoseconds % 1_000_000_000_000_000
        return remainder > 0 ? millis + 1 : millis
    }
}
