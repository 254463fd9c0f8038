import CPQ
public import Loop

/// One non-blocking libpq connection in pipeline mode, driven on the loop.
///
/// A thin shell: it feeds libpq's events to `ConnectionStateMachine` and performs the actions
/// it returns. Many requests may be in flight at once; each is answered in order.
@LoopActor
public final class PostgresConnection {
    /// The libpq handle; nil once finished.
    var pq: OpaquePointer?
    var machine = ConnectionStateMachine()
    var poll: FDPoll?
    var pollEvents: FDPoll.Events = []
    /// libpq holds unsent output: watch for writability and call `PQflush` again.
    var needsFlush = false
    var connectTimer: LoopTimer?
    var connectWaiter: CheckedContinuation<Result<Void, PostgresError>, Never>?
    var waiters: [Int: CheckedContinuation<RequestResult, Never>] = [:]
    var nextRequestID = 0
    var closeObservers: [@LoopActor (PostgresError) -> Void] = []
    /// How long requests in flight may go without a byte from the server before the
    /// connection is given up as hung; nil: never. A database that stopped, or a network
    /// that drops packets silently, never closes the socket: without this every request on
    /// the connection would wait for ever instead of failing as `.unavailable` (a 503 for
    /// the API's clients), after which the pool connects anew.
    public var answerTimeout: Duration?
    var answerTimer: LoopTimer?
    /// When the server last sent anything, or the first request of a busy spell was queued.
    var lastHeard = MonotonicInstant.now

    /// Receives `NOTIFY` messages for channels this connection listens on.
    public var onNotification: (@LoopActor (PostgresNotification) -> Void)?

    init() {}

    /// True once the connection is closed or broken; it never reopens.
    public var isClosed: Bool { machine.isClosed }

    /// Requests sent or queued and not yet answered (for spreading load).
    var inFlightCount: Int { waiters.count }

    /// Calls `observer` once when the connection ends, however it ends.
    func onClose(_ observer: @escaping @LoopActor (PostgresError) -> Void) {
        if case .closed(let error) = machine.state { observer(error); return }
        closeObservers.append(observer)
    }

    /// Closes the connection; requests still in flight fail with `.unavailable`.
    public func close() {
        end(with: .unavailable("connection closed"))
    }

    /// Ends the connection with `error`: answers everything pending, then frees libpq.
    func end(with error: PostgresError) {
        let failed = machine.connectionEnded(error)
        // The poll must stop before PQfinish closes the descriptor it watches.
        poll?.close()
        poll = nil
        connectTimer?.close()
        connectTimer = nil
        answerTimer?.close()
        answerTimer = nil
        if let pq { PQfinish(pq) }
        pq = nil
        if let connectWaiter {
            self.connectWaiter = nil
            connectWaiter.resume(returning: .failure(error))
        }
        for id in failed {
            waiters.removeValue(forKey: id)?.resume(returning: .failure(error))
        }
        let observers = closeObservers
        closeObservers = []
        for observer in observers { observer(error) }
    }

    /// libpq's last error message, trimmed; it describes the connection, never our parameters.
    var libpqMessage: String {
        guard let pq, let raw = PQerrorMessage(pq) else { return "no connection" }
        let text = String(cString: raw).trimmingTrailingWhitespace()
        return text.isEmpty ? "unknown libpq error" : text
    }

    isolated deinit {
        // Dropped without close(): the poll must still stop before the socket closes.
        poll?.close()
        connectTimer?.close()
        answerTimer?.close()
        if let pq { PQfinish(pq) }
    }
}

extension PostgresConnection {
    /// True when the session is inside a transaction block (left open, or failed): such a
    /// connection must not be lent to someone else.
    var isInTransaction: Bool {
        guard let pq else { return false }
        let status = PQtransactionStatus(pq)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }
}
