import CUV
#if canImport(Glibc)
import Glibc
#endif

/// Watches one POSIX signal (SIGINT, SIGTERM) on the loop.
@LoopActor
public final class SignalWatcher: UVHandle {
    private var callback: (@LoopActor () -> Void)?

    public init(signal: Int32, _ callback: @escaping @LoopActor () -> Void) throws(UVError) {
        super.init(type: UV_SIGNAL)
        let status = uv_signal_init(EventLoop.shared.raw, typed(uv_signal_t.self))
        if status < 0 { discardUninitialised(); throw UVError(code: status) }
        didInitialise()
        self.callback = callback
        try UVError.check(uv_signal_start(typed(uv_signal_t.self), { handle, _ in
            LoopActor.assumeIsolated {
                UVHandle.owner(of: handle, as: SignalWatcher.self).callback?()
            }
        }, signal))
        // A signal watcher alone must not keep the process running.
        uv_unref(handle)
        Self.unblock(signal)
    }

    /// A process inherits its signal mask from whoever started it (posix_spawn keeps the parent's,
    /// and Swift or dispatch parents block SIGTERM and SIGINT in their threads). Blocked here,
    /// the signal would never reach libuv's handler; unblocking on the loop thread is enough,
    /// since the kernel delivers a process signal to any thread that does not block it.
    private static func unblock(_ signal: Int32) {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    override func willClose() { callback = nil }
}
