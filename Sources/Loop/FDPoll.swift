import CUV

/// Readiness of a foreign file descriptor (libpq's socket) on the loop.
@LoopActor
public final class FDPoll: UVHandle {
    public struct Events: OptionSet, Sendable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }
        public static let readable = Events(rawValue: Int32(UV_READABLE.rawValue))
        public static let writable = Events(rawValue: Int32(UV_WRITABLE.rawValue))
    }

    /// Called with the ready events, or with the error libuv reported for the descriptor.
    public typealias Callback = @LoopActor (Result<Events, UVError>) -> Void
    private var callback: Callback?
    public let fileDescriptor: Int32

    public init(fileDescriptor: Int32) throws(UVError) {
        self.fileDescriptor = fileDescriptor
        super.init(type: UV_POLL)
        let status = uv_poll_init(EventLoop.shared.raw, typed(uv_poll_t.self), fileDescriptor)
        if status < 0 { discardUninitialised(); throw UVError(code: status) }
        didInitialise()
    }

    /// Starts (or changes) watching for `events`.
    public func start(_ events: Events, _ callback: @escaping Callback) {
        precondition(!isClosed, "poll used after close")
        self.callback = callback
        let status = uv_poll_start(typed(uv_poll_t.self), events.rawValue, { poll, status, events in
            LoopActor.assumeIsolated {
                let owner = UVHandle.owner(of: poll, as: FDPoll.self)
                owner.callback?(status < 0 ? .failure(UVError(code: status)) : .success(Events(rawValue: events)))
            }
        })
        if status < 0 { callback(.failure(UVError(code: status))) }
    }

    public func stop() {
        guard !isClosed else { return }
        uv_poll_stop(typed(uv_poll_t.self))
    }

    override func willClose() { callback = nil }
}
