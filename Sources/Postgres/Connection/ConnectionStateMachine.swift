import DequeModule

/// The pure heart of a connection: connection phases and the bookkeeping of which result
/// belongs to which request. `PostgresConnection` feeds it events from libpq and performs the
/// actions it returns; it touches no socket, so it is tested without a server.
struct ConnectionStateMachine {
    enum State {
        case connecting
        case ready(Ready)
        case closed(PostgresError)
    }

    /// A live connection's queues.
    struct Ready {
        /// Requests that cannot be sent yet: they wait behind a script (which must run
        /// outside pipeline mode) so that requests keep their order.
        var waiting = Deque<ConnectionRequest>()
        /// Sent requests in the order their results will arrive.
        var inFlight = Deque<InFlight>()
        var statements = StatementCache()
    }

    /// A sent request: the result steps still expected, and the outcomes so far.
    struct InFlight {
        enum Step {
            case prepare(sql: String, query: Int)
            case query(Int)
            case sync
            case script
        }
        let id: Int
        var steps: Deque<Step>
        var outcomes: [QueryOutcome?]
        var isScript: Bool { if case .script = steps.first { true } else { false } }
    }

    /// What the shell does while connecting.
    enum ConnectAction: Equatable {
        /// Watch `socket` with a fresh poll, then call `PQconnectPoll` again.
        case watch(socket: Int32, writable: Bool)
        /// Switch to non-blocking pipeline mode and report success.
        case established
        /// Tear down and report the failure.
        case fail(PostgresError)
    }

    /// `PQconnectPoll`'s verdict.
    enum ConnectPoll {
        case reading, writing, ok
        case failed(message: String)
    }

    var state: State = .connecting

    /// libpq asks to start by waiting for the socket to become writable.
    mutating func connectStarted(socket: Int32) -> ConnectAction {
        guard case .connecting = state else { return .fail(.unavailable("connection already started")) }
        return .watch(socket: socket, writable: true)
    }

    /// A fresh poll is asked for every time: libpq may close the socket and open another
    /// (next host, SSL fallback), and a reused descriptor number would otherwise keep a stale
    /// registration in the loop and never fire.
    mutating func connectPolled(_ poll: ConnectPoll, socket: Int32) -> ConnectAction {
        guard case .connecting = state else { return .fail(.unavailable("connection no longer connecting")) }
        switch poll {
        case .reading: return .watch(socket: socket, writable: false)
        case .writing: return .watch(socket: socket, writable: true)
        case .ok:
            state = .ready(Ready())
            return .established
        case .failed(let message):
            let error = PostgresError.unavailable("cannot connect: \(message)")
            state = .closed(error)
            return .fail(error)
        }
    }

    mutating func connectTimedOut() -> ConnectAction? {
        guard case .connecting = state else { return nil }
        let error = PostgresError.unavailable("cannot connect: timed out")
        state = .closed(error)
        return .fail(error)
    }

    /// The connection is gone (socket error, EOF, `close()`): every request still waiting
    /// or in flight is answered with `error`. Returns their ids, oldest first.
    mutating func connectionEnded(_ error: PostgresError) -> [Int] {
        guard case .ready(let ready) = state else {
            if case .connecting = state { state = .closed(error) }
            return []
        }
        state = .closed(error)
        return ready.inFlight.map { $0.id } + ready.waiting.map { $0.id }
    }

    /// Runs `body` on the ready state moved out of `state`; nil when not ready.
    ///
    /// A copy left behind in `state` would share the queues' storage, so every change to them
    /// (one per result) would copy the whole pipeline: quadratic in its length.
    mutating func updateReady<R>(_ body: (inout Ready) -> R) -> R? {
        guard case .ready(var ready) = state else { return nil }
        state = .connecting
        defer { state = .ready(ready) }
        return body(&ready)
    }

    var isClosed: Bool { if case .closed = state { true } else { false } }

    /// True while results are owed to a sent request, i.e. `PQgetResult` has meaning.
    var isAwaitingResults: Bool {
        if case .ready(let ready) = state { !ready.inFlight.isEmpty } else { false }
    }
}
