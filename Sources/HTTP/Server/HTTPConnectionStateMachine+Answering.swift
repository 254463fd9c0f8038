import DequeModule
import Loop

extension HTTPConnectionStateMachine {
    /// The response to the answer in progress is ready to be written. Returns whether the
    /// connection stays open after it; when not, it is the last response (`Connection: close`)
    /// and what is queued behind it is dropped unanswered.
    ///
    /// Returns no actions: a timer armed for a request that will now never be read is harmless,
    /// because `timerFired` checks what is actually due.
    mutating func responseProduced(isStream: Bool) -> Bool {
        guard case .open(var open) = state, case .producing(let keepAliveWanted) = open.answering else { return false }
        state = .modifying
        // With no further request to read, this one is the last, and the client is told so.
        let keepAlive = keepAliveWanted && !isStream && (open.reading.accepts || !open.queue.isEmpty)
        if keepAlive {
            open.answering = .writing(isLast: false)
        } else {
            open.answering = isStream ? .streaming : .writing(isLast: true)
            open.reading = .stopped
            open.queue.removeAll()
        }
        state = .open(open)
        return keepAlive
    }

    /// A streamed body begins; its producer learns at once if the client or the server is done.
    func streamStarted() -> [Action] {
        guard case .open(let open) = state, open.answering == .streaming else { return [] }
        if open.isDraining { return [.endStream] }
        return open.peerFinished ? [.abandonStream] : []
    }

    /// The response is written (`written` false: the write failed, the socket is broken).
    mutating func responseFinished(written: Bool, now: Instant) -> [Action] {
        guard case .open(var open) = state else { return [] }
        guard written else { return close() }
        state = .modifying
        open.answering = nil
        open.writeBackedUpSince = nil
        if case .betweenRequests = open.reading { open.reading = .betweenRequests(since: now) }
        var actions: [Action] = []
        actions.reserveCapacity(4)  // one allocation: growing would copy it again
        settle(&open, now: now, into: &actions)
        return actions
    }

    /// A write waits for the client to read (the queued bytes passed the high-water mark).
    mutating func writeBackedUp(now: Instant) -> [Action] {
        updateWriteWait(since: now)
    }

    /// The waiting write reached the kernel.
    mutating func writeDrained(now: Instant) -> [Action] {
        updateWriteWait(since: nil)
    }

    private mutating func updateWriteWait(since: Instant?) -> [Action] {
        guard case .open(var open) = state else { return [] }
        state = .modifying
        open.writeBackedUpSince = since
        state = .open(open)
        var actions: [Action] = []
        actions.reserveCapacity(4)  // one allocation: growing would copy it again
        armTimer(for: deadline(open), into: &actions)
        return actions
    }

    /// Brings an open connection to rest after an event: starts the next answer, resumes
    /// paused reading, sends an owed `100 Continue`, finishes a connection that has nothing
    /// left to do, and keeps the timer on the earliest deadline. Stores the new state.
    mutating func settle(_ open: inout Open, now: Instant, into actions: inout [Action]) {
        if open.answering == nil, let next = open.queue.popFirst() {
            switch next {
            case .request(let request): open.answering = .producing(keepAliveWanted: request.head.keepAlive)
            case .problem: open.answering = .producing(keepAliveWanted: false)
            }
            actions.append(.answer(next))
        }
        // Reading resumes once what is buffered has room; until then the socket stays unread.
        if open.isReadingPaused, open.queue.count < configuration.maxPipelinedRequests, parse(&open, now: now) {
            open.isReadingPaused = false
            actions.append(.startReading)
        }
        if open.answering == nil, open.queue.isEmpty {
            if !open.reading.accepts {
                finish(open, now: now, into: &actions)
                return
            }
            sendContinueIfAwaited(&open, now: now, into: &actions)
        }
        state = .open(open)
        armTimer(for: deadline(open), into: &actions)
    }

    /// Sends `100 Continue` once to a client that waits for it (RFC 9110 §10.1.1), only when
    /// no earlier response is due: those go first on the wire. The client's clock restarts,
    /// as until now it was waiting for us.
    private func sendContinueIfAwaited(_ open: inout Open, now: Instant, into actions: inout [Action]) {
        guard case .request(let incoming) = open.reading, incoming.awaitsContinue else { return }
        open.reading.updateIncoming { incoming in
            incoming.awaitsContinue = false
            incoming.startedAt = now
        }
        actions.append(.writeContinue)
    }
}
