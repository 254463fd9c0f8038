import CUV

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
    }

    override func willClose() { callback = nil }
}
