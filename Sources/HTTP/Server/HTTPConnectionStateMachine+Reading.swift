import DequeModule
import Loop

extension HTTPConnectionStateMachine {
    /// The connection was admitted: read, and give the first request its deadline.
    mutating func start(now: Instant) -> [Action] {
        guard case .open(var open) = state else { return [] }
        state = .modifying
        var actions: [Action] = [.startReading]
        settle(&open, now: now, into: &actions)
        return actions
    }

    /// The connection is refused before anything is read (e.g. too many connections): answer
    /// `problem`, then close. Reading (and discarding) lets the peer's FIN close us early.
    mutating func reject(_ problem: Problem, now: Instant) -> [Action] {
        guard case .open(var open) = state else { return [] }
        state = .modifying
        refuse(&open, problem)
        var actions: [Action] = [.startReading]
        settle(&open, now: now, into: &actions)
        return actions
    }

    /// Bytes arrived; parsed into requests as far as the pipelining limit allows.
    mutating func received(_ bytes: UnsafeRawBufferPointer, now: Instant) -> [Action] {
        guard case .open(var open) = state, open.reading.accepts else { return [] }  // else discarded
        state = .modifying
        parser.append(bytes)
        var actions: [Action] = []
        actions.reserveCapacity(4)  // one allocation: growing would copy it again
        if !parse(&open, now: now) {
            open.isReadingPaused = true
            actions.append(.stopReading)
        }
        settle(&open, now: now, into: &actions)
        return actions
    }

    /// The peer sent FIN: what it sent is still answered, a partial request is dropped.
    mutating func peerFinished(now: Instant) -> [Action] {
        switch state {
        case .open(var open):
            state = .modifying
            open.peerFinished = true
            open.reading = .stopped
            var actions: [Action] = open.answering == .streaming ? [.abandonStream] : []
            settle(&open, now: now, into: &actions)
            return actions
        case .closing(var closing):
            if closing.writesShutDown { return close() }
            closing.peerFinished = true
            state = .closing(closing)
            return []
        case .closed, .modifying:
            return []
        }
    }

    /// Reading failed (reset): nothing more can be sent either.
    mutating func readFailed() -> [Action] {
        isClosed ? [] : close()
    }

    /// Pulls parser events into `open`. Returns false when it stopped at the pipelining limit:
    /// what is left stays unparsed, and its clock does not start while we are behind.
    mutating func parse(_ open: inout Open, now: Instant) -> Bool {
        // The first request parsed while none is being answered is answered at once, so it
        // does not count as waiting.
        let limit = configuration.maxPipelinedRequests + (open.answering == nil ? 1 : 0)
        while open.reading.accepts, open.queue.count < limit {
            let event: RequestParserEvent?
            do {
                event = try parser.next()
            } catch {
                refuse(&open, Problem(status: error.status, detail: error.detail))
                return true
            }
            guard let event else { break }
            switch event {
            case .head(let head):
                let startedAt = open.reading.startOfNextRequest ?? now
                open.reading = .request(Incoming(startedAt: startedAt, head: head, awaitsContinue: head.expectsContinue))
            case .body(let bytes):
                open.reading.updateIncoming { incoming in
                    // The body is coming, so the client no longer waits.
                    incoming.awaitsContinue = false
                    incoming.body.append(contentsOf: bytes)
                }
            case .end:
                guard case .request(let incoming) = open.reading, let head = incoming.head else { break }
                open.queue.append(.request(Request(head: head, body: incoming.body)))
                // Draining, the request received is the last one read.
                open.reading = head.keepAlive && !open.isDraining ? .betweenRequests(since: now) : .stopped
            }
        }
        guard open.reading.accepts else { return true }
        if open.queue.count >= limit { return false }
        if !parser.isIdleBetweenRequests, !open.reading.isReceiving {
            // The first bytes of a request whose head is not complete yet.
            open.reading = .request(Incoming(startedAt: open.reading.startOfNextRequest ?? now))
        }
        return true
    }

    /// No further request is read; `problem` is the last answer.
    func refuse(_ open: inout Open, _ problem: Problem) {
        open.reading = .stopped
        open.queue.append(.problem(problem))
    }
}

extension HTTPConnectionStateMachine.Reading {
    /// Whether bytes from the peer are still parsed.
    var accepts: Bool { if case .stopped = self { false } else { true } }

    var isReceiving: Bool { if case .request = self { true } else { false } }

    /// When a request arriving now counts as started, if that is fixed already: the first
    /// request's clock runs from the accept, a started request's from its first byte.
    var startOfNextRequest: MonotonicInstant? {
        switch self {
        case .awaitingFirstRequest(let since): since
        case .request(let incoming): incoming.startedAt
        case .betweenRequests, .stopped: nil
        }
    }

    /// Runs `body` on the request being received, in place: a copy would copy its body.
    mutating func updateIncoming(_ body: (inout HTTPConnectionStateMachine.Incoming) -> Void) {
        guard case .request(var incoming) = self else { return }
        self = .stopped
        body(&incoming)
        self = .request(incoming)
    }
}
