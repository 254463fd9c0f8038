import DequeModule
import Loop

/// One client connection: parses requests as bytes arrive, answers them strictly in order
/// (pipelining), and enforces the timeouts and limits of `HTTPServerConfiguration`.
@LoopActor
final class HTTPConnection {
    private enum Pending {
        case request(Request)
        case failure(Problem)
    }

    private enum Timing { case none, idle, request }

    let socket: TCPConnection
    private unowned let server: HTTPServer
    private var parser: RequestParser
    private var head: RequestHead?
    private var body: [UInt8] = []
    /// The client of the request being read waits for `100 Continue`, not sent yet.
    private var awaitsContinue = false
    private var queue = Deque<Pending>()
    private var isAnswering = false
    private var isReadingPaused = false
    /// Set after a parse error or time-out: no further request is read from this connection.
    private var acceptsRequests = true
    private var peerFinished = false
    private var isClosed = false
    private let timer = LoopTimer()
    private var timing = Timing.none
    private var stream: ResponseStreamWriter?

    init(socket: TCPConnection, server: HTTPServer) {
        self.socket = socket
        self.server = server
        self.parser = RequestParser(limits: server.configuration.limits)
    }

    private var configuration: HTTPServerConfiguration { server.configuration }

    func start() {
        socket.setNoDelay()
        socket.startReading { [unowned self] event in self.received(event) }
        updateTimer()
    }

    /// Answers with `problem` before reading anything, then closes (e.g. too many connections).
    func reject(_ problem: Problem) {
        acceptsRequests = false
        queue.append(.failure(problem))
        // Reading (and discarding) lets the peer's FIN close us early, and closing with unread
        // input would reset the connection before the client read the answer.
        start()
        answerQueued()
    }

    // MARK: Reading

    private func received(_ event: TCPConnection.ReadEvent) {
        switch event {
        case .data(let bytes):
            guard acceptsRequests else { return }  // draining what the peer still sends
            parser.append(bytes)
            parseBuffered()
        case .endOfStream:
            peerFinished = true
            stream?.clientLeft()
            if !isAnswering && queue.isEmpty { close() }
        case .failed:
            close()
        }
    }

    private func parseBuffered() {
        do {
            while acceptsRequests, queue.count < configuration.maxPipelinedRequests, let event = try parser.next() {
                switch event {
                case .head(let parsed):
                    head = parsed
                    body = []
                    awaitsContinue = parsed.expectsContinue
                case .body(let bytes):
                    // The body is coming, so the client no longer waits.
                    awaitsContinue = false
                    body.append(contentsOf: bytes)
                case .end:
                    if let head { queue.append(.request(Request(head: head, body: body))) }
                    head = nil
                    body = []
                }
            }
            sendContinueIfAwaited()
        } catch {
            refuseFurtherRequests(Problem(status: error.status, detail: error.detail))
        }
        if queue.count >= configuration.maxPipelinedRequests { pauseReading() }
        answerQueued()
        updateTimer()
    }

    private func refuseFurtherRequests(_ problem: Problem) {
        acceptsRequests = false
        head = nil
        queue.append(.failure(problem))
    }

    private func pauseReading() {
        guard !isReadingPaused else { return }
        isReadingPaused = true
        socket.stopReading()
    }

    private func resumeReadingIfPaused() {
        guard isReadingPaused, !isClosed else { return }
        isReadingPaused = false
        socket.startReading { [unowned self] event in self.received(event) }
        parseBuffered()
    }

    // MARK: Answering

    private func answerQueued() {
        guard !isAnswering, !queue.isEmpty, !isClosed else { return }
        isAnswering = true
        updateTimer()
        EventLoop.shared.task {
            await self.answerUntilEmpty()
        }
    }

    private func answerUntilEmpty() async {
        while let pending = queue.popFirst() {
            if queue.count < configuration.maxPipelinedRequests { resumeReadingIfPaused() }
            let keepOpen: Bool
            switch pending {
            case .request(let request):
                let response = await server.respond(to: request)
                let keepAlive = request.head.keepAlive && !server.isDraining && (acceptsRequests || !queue.isEmpty)
                keepOpen = await send(response, keepAlive: keepAlive, omitBody: request.method == "HEAD",
                                      isHTTP10: request.head.version == .http10) && keepAlive
            case .failure(let problem):
                _ = await send(problem.response, keepAlive: false, omitBody: false)
                keepOpen = false
            }
            if !keepOpen { finish(); return }
        }
        isAnswering = false
        if peerFinished || server.isDraining { finish() } else { sendContinueIfAwaited(); updateTimer() }
    }

    /// Sends `100 Continue` once to a client that waits for it before sending the body
    /// (RFC 9110 §10.1.1), as soon as no earlier response is due: those go first on the wire.
    private func sendContinueIfAwaited() {
        guard awaitsContinue, head != nil, !isAnswering, queue.isEmpty, !isClosed else { return }
        awaitsContinue = false
        socket.write(ResponseHead.continueLine)
    }

    /// Writes one response; false when the connection can carry no further response.
    private func send(_ response: Response, keepAlive: Bool, omitBody: Bool, isHTTP10: Bool = false) async -> Bool {
        switch response.body {
        case .bytes(let bytes):
            var out: [UInt8] = []
            out.reserveCapacity(192 + bytes.count)
            ResponseHead.serialize(response, bodyLength: bytes.count, keepAlive: keepAlive, confirmKeepAlive: isHTTP10,
                                   date: HTTPDate.now, into: &out)
            if !omitBody { out.append(contentsOf: bytes) }
            return await write(out)
        case .stream(let produce):
            guard await write(ResponseHead.serializeStreaming(response, date: HTTPDate.now)), !omitBody else { return false }
            let writer = ResponseStreamWriter(connection: self)
            stream = writer
            if peerFinished { writer.clientLeft() }
            await produce(writer)
            await writer.end()
            stream = nil
            return false
        }
    }

    /// Queues bytes; waits for them to reach the kernel when the queue is above the high-water
    /// mark, so a client that does not read cannot make the server buffer without bound.
    func write(_ bytes: [UInt8]) async -> Bool {
        guard !isClosed else { return false }
        if socket.pendingWriteBytes + bytes.count <= configuration.writeHighWater {
            socket.write(bytes)
            return !isClosed
        }
        return await withCheckedContinuation { continuation in
            socket.write(bytes) { error in continuation.resume(returning: error == nil) }
        }
    }

    // MARK: Timing and closing

    private func updateTimer() {
        let wanted: Timing
        if isClosed { return }
        if head != nil || !parser.isIdleBetweenRequests, acceptsRequests {
            wanted = .request
        } else if isAnswering || !queue.isEmpty {
            wanted = .none
        } else {
            wanted = .idle
        }
        guard wanted != timing else { return }
        timing = wanted
        switch wanted {
        case .none: timer.stop()
        case .idle: timer.start(after: configuration.idleTimeout) { [unowned self] in self.close() }
        case .request: timer.start(after: configuration.requestTimeout) { [unowned self] in self.requestTimedOut() }
        }
    }

    private func requestTimedOut() {
        timing = .none
        refuseFurtherRequests(Problem(status: 408, detail: "The request was not received in time."))
        answerQueued()
    }

    /// Server shutdown: an idle connection closes now, a busy one after its current response.
    func drain() {
        if !isAnswering && queue.isEmpty { close() } else { stream?.serverEnds() }
    }

    /// Closes after the queued bytes are sent. Reading goes on (discarding) until the peer's FIN or
    /// a short linger, because closing with unread input makes the kernel reset the connection
    /// and the client could lose the response.
    private func finish() {
        guard !isClosed else { return }
        acceptsRequests = false
        isAnswering = false
        // Requests pipelined behind the last answer will not be answered. Left queued they made
        // the connection look busy, so neither the peer's FIN nor a shutdown closed it early.
        queue.removeAll()
        head = nil
        if isReadingPaused { isReadingPaused = false; socket.startReading { [unowned self] event in self.received(event) } }
        socket.shutdownWrites { [unowned self] in
            if self.peerFinished { self.close(); return }
            self.timing = .none
            self.timer.start(after: .seconds(2)) { [unowned self] in self.close() }
        }
    }

    func close() {
        guard !isClosed else { return }
        isClosed = true
        stream?.clientLeft()
        timer.close()
        socket.close()
        server.connectionClosed(self)
    }
}
