import DequeModule
import Loop

extension HTTPConnectionStateMachine {
    /// Server shutdown: every request in flight is finished (SPEC §9), nothing new is read. The
    /// requests received whole are answered, the one being received may finish arriving (within
    /// its own deadline, and the server's shutdown grace) and is answered too, the last response
    /// says `Connection: close`; a connection with nothing of a request closes now. A stream
    /// ends with its last chunk.
    mutating func drain(now: Instant) -> [Action] {
        guard case .open(var open) = state else { return [] }
        state = .modifying
        open.isDraining = true
        if !open.reading.isReceiving { open.reading = .stopped }
        guard open.answering != nil || !open.queue.isEmpty || open.reading.isReceiving else { return close() }
        var actions: [Action] = open.answering == .streaming ? [.endStream] : []
        settle(&open, now: now, into: &actions)
        return actions
    }

    /// The server closes the connection now (its idle slot goes to a new connection, or the
    /// shutdown grace ran out).
    mutating func closeRequested() -> [Action] {
        isClosed ? [] : close()
    }

    /// Our FIN is sent: wait for the peer's, briefly.
    mutating func writesShutDown(now: Instant) -> [Action] {
        guard case .closing(var closing) = state, !closing.writesShutDown else { return [] }
        if closing.peerFinished { return close() }
        closing.writesShutDown = true
        closing.deadline = now + Self.linger
        state = .closing(closing)
        var actions: [Action] = []
        actions.reserveCapacity(4)  // one allocation: growing would copy it again
        armTimer(for: closing.deadline, into: &actions)
        return actions
    }

    /// Nothing more to answer: FIN after the queued bytes. Reading goes on (discarding) so the
    /// peer's FIN is seen. The queued bytes get `writeTimeout` to drain, as any write does.
    mutating func finish(_ open: Open, now: Instant, into actions: inout [Action]) {
        actions.append(.shutdownWrites)
        let closing = Closing(deadline: now + configuration.writeTimeout, peerFinished: open.peerFinished)
        state = .closing(closing)
        armTimer(for: closing.deadline, into: &actions)
    }

    mutating func close() -> [Action] {
        state = .closed
        armedDeadline = nil
        return [.close]
    }
}
