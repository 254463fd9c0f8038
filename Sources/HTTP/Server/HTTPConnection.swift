import Loop

/// One client connection: the socket, its timer and the response being written. Every decision
/// (keep-alive, pipelining, `100 Continue`, timeouts, closing) is `HTTPConnectionStateMachine`'s;
/// this shell feeds it events and performs its actions.
@LoopActor
final class HTTPConnection {
    typealias Machine = HTTPConnectionStateMachine

    let socket: TCPConnection
    unowned let server: HTTPServer
    var machine: Machine
    private let timer = LoopTimer()
    var stream: ResponseStreamWriter?
    /// What the server was last told: whether this connection is idle (may be closed for a
    /// new one at the connection limit).
    private(set) var isReportedIdle = false
    /// The generation of this connection's entry among the server's idle connections.
    private(set) var idleGeneration: UInt64 = 0
    /// The timer's callback is set on its first start; later deadlines only re-arm it.
    private var isTimerCallbackSet = false
    /// Answered with a refusal at the connection limit: it takes no slot while it closes.
    private(set) var isRefused = false
    /// The task that answers this connection's requests, kept between them (`serveAnswers`).
    var answerer = Answerer.none

    enum Answerer {
        /// No task yet, or it has ended.
        case none
        /// Answering a request.
        case busy
        /// Suspended until the machine hands over the next request (nil: the connection closed).
        /// Unchecked: a checked continuation allocates a canary per request; this one is
        /// resumed in exactly two places, each of which first moves `answerer` off `.waiting`.
        case waiting(UnsafeContinuation<Machine.Pending?, Never>)
    }

    init(socket: TCPConnection, server: HTTPServer) {
        self.socket = socket
        self.server = server
        self.machine = Machine(configuration: server.configuration, acceptedAt: .now)
    }

    func start() {
        socket.setNoDelay()
        perform(machine.start(now: .now))
    }

    /// Answers with `problem` before reading anything, then closes (e.g. too many connections).
    func reject(_ problem: Problem) {
        isRefused = true
        socket.setNoDelay()
        perform(machine.reject(problem, now: .now))
    }

    /// Server shutdown: an idle connection closes now, a busy one after its current response.
    func drain() {
        perform(machine.drain(now: .now))
    }

    /// Closes now, whatever is in progress.
    func close() {
        perform(machine.closeRequested())
    }

    private func received(_ event: TCPConnection.ReadEvent) {
        switch event {
        case .data(let bytes): perform(machine.received(bytes, now: .now))
        case .endOfStream: perform(machine.peerFinished(now: .now))
        case .failed: perform(machine.readFailed())
        }
    }

    func perform(_ actions: [Machine.Action]) {
        for action in actions { perform(action) }
        reportIdleness()
    }

    func perform(_ action: Machine.Action) {
        switch action {
        case .startReading:
            socket.startReading { [unowned self] event in self.received(event) }
        case .stopReading:
            socket.stopReading()
        case .answer(let pending):
            handOver(pending)
        case .writeContinue:
            socket.write(ResponseHead.continueLine)
        case .armTimer(let deadline):
            if isTimerCallbackSet {
                timer.restart(after: deadline - .now)
            } else {
                isTimerCallbackSet = true
                timer.start(after: deadline - .now) { [unowned self] in self.perform(self.machine.timerFired(now: .now)) }
            }
        case .cancelTimer:
            timer.stop()
        case .endStream:
            stream?.serverEnds()
        case .abandonStream:
            stream?.clientLeft()
        case .shutdownWrites:
            // Weak: the completion also runs when the socket is closed first, and by then the
            // server may have let go of this connection.
            socket.shutdownWrites { [weak self] in
                guard let self else { return }
                self.perform(self.machine.writesShutDown(now: .now))
            }
        case .close:
            timer.close()
            socket.close()
            stream?.clientLeft()
            isReportedIdle = false
            if case .waiting(let continuation) = answerer {
                answerer = .none
                continuation.resume(returning: nil)
            }
            server.connectionClosed(self)
        }
    }

    func reportIdleness() {
        // A refused connection takes no slot, so closing it would make no room.
        let idle = machine.isIdle && !isRefused
        guard idle != isReportedIdle else { return }
        isReportedIdle = idle
        if idle { idleGeneration = server.connectionFellIdle(self) }
    }
}
