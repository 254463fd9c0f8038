import Loop

extension HTTPConnectionStateMachine {
    /// The timer went off. What is due at `now` happens; a timer that fired early or for a
    /// deadline that no longer applies just re-arms for what is due next.
    mutating func timerFired(now: Instant) -> [Action] {
        armedDeadline = nil
        var actions: [Action] = []
        actions.reserveCapacity(4)  // one allocation: growing would copy it again
        switch state {
        case .open(var open):
            state = .modifying
            if let since = open.writeBackedUpSince, now >= since + configuration.writeTimeout {
                return close()  // the client stopped reading
            }
            if let due = readDeadline(open), now >= due {
                if case .betweenRequests = open.reading { return close() }  // idle for too long
                refuse(&open, Problem(status: 408, detail: "The request was not received in time."))
            }
            settle(&open, now: now, into: &actions)
        case .closing(let closing):
            if now >= closing.deadline { return close() }
            armTimer(for: closing.deadline, into: &actions)
        case .closed, .modifying:
            break
        }
        return actions
    }

    /// The earliest instant at which something is due on an open connection, if any.
    func deadline(_ open: Open) -> Instant? {
        let writeDeadline = open.writeBackedUpSince.map { $0 + configuration.writeTimeout }
        switch (writeDeadline, readDeadline(open)) {
        case let (write?, read?): return min(write, read)
        case let (write, read): return write ?? read
        }
    }

    /// When the client has had its time to send a request (408), or, between requests with
    /// nothing being answered, its time to start one (closed silently).
    private func readDeadline(_ open: Open) -> Instant? {
        switch open.reading {
        case .awaitingFirstRequest(let since):
            since + configuration.requestTimeout
        case .betweenRequests(let since):
            open.isQuiet ? since + configuration.idleTimeout : nil
        case .request(let incoming):
            // A client waiting for a `100 Continue` held back behind an earlier response owes
            // nothing yet.
            incoming.awaitsContinue ? nil : incoming.startedAt + configuration.requestTimeout
        case .stopped:
            nil
        }
    }

    /// Keeps the one timer on `deadline` (nil: cancelled), emitting only changes.
    mutating func armTimer(for deadline: Instant?, into actions: inout [Action]) {
        guard deadline != armedDeadline else { return }
        armedDeadline = deadline
        actions.append(deadline.map { .armTimer($0) } ?? .cancelTimer)
    }
}

extension HTTPConnectionStateMachine.Open {
    /// Nothing is being answered or waits to be.
    var isQuiet: Bool { answering == nil && queue.isEmpty }
}
