import DequeModule

extension PoolStateMachine {
    mutating func leaseRequested(waiter: Int, now: UInt64) -> [Action] {
        if isClosed { return [.fail(waiter: waiter, .unavailable("pool closed"))] }
        if waiters.isEmpty, let slot = slots.firstIndex(of: .idle) {
            slots[slot] = .leased
            return [.lease(slot: slot, waiter: waiter)]
        }
        if isDown { return [.fail(waiter: waiter, .unavailable(lastFailure))] }
        waiters.append(Waiter(id: waiter, deadline: now + configuration.acquireTimeoutMilliseconds))
        return timerAction()
    }

    /// A lent connection came back; `healthy` is false when it broke or was left mid-request.
    mutating func released(slot: Int, healthy: Bool) -> [Action] {
        guard slots[slot] == .leased else { return [] }
        if isClosed {
            slots[slot] = .closed
            return [.closeConnection(slot: slot)]
        }
        guard healthy else {
            slots[slot] = .connecting
            return [.closeConnection(slot: slot), .connect(slot: slot)]
        }
        return handOut(slot)
    }

    /// An idle connection noticed that the server went away.
    mutating func idleConnectionDropped(slot: Int) -> [Action] {
        guard slots[slot] == .idle, !isClosed else { return [] }
        slots[slot] = .connecting
        return [.closeConnection(slot: slot), .connect(slot: slot)]
    }

    mutating func connectSucceeded(slot: Int) -> [Action] {
        guard slots[slot] == .connecting else { return [] }
        if isClosed {
            slots[slot] = .closed
            return [.closeConnection(slot: slot)]
        }
        consecutiveFailures = 0
        return handOut(slot)
    }

    /// A connect failed: retry later, and if nothing is open, tell the waiters now.
    mutating func connectFailed(slot: Int, error: PostgresError) -> [Action] {
        guard slots[slot] == .connecting, !isClosed else {
            if isClosed { slots[slot] = .closed }
            return []
        }
        consecutiveFailures += 1
        lastFailure = error.message
        slots[slot] = .backingOff
        var actions: [Action] = [.reconnect(slot: slot, afterMilliseconds: backoff)]
        if !hasOpenConnection {
            while let waiter = waiters.popFirst() { actions.append(.fail(waiter: waiter.id, .unavailable(lastFailure))) }
            actions += timerAction()
        }
        return actions
    }

    mutating func reconnectDue(slot: Int) -> [Action] {
        guard slots[slot] == .backingOff, !isClosed else { return [] }
        slots[slot] = .connecting
        return [.connect(slot: slot)]
    }

    /// The acquire timer fired: every waiter whose deadline has passed fails.
    mutating func timerFired(now: UInt64) -> [Action] {
        armedDeadline = nil
        var actions: [Action] = []
        while let first = waiters.first, first.deadline <= now {
            waiters.removeFirst()
            actions.append(.fail(waiter: first.id, .unavailable("timed out waiting for a database connection")))
        }
        return actions + timerAction()
    }

    /// Fails every waiter and closes what is idle; lent connections close when returned.
    mutating func close() -> [Action] {
        guard !isClosed else { return [] }
        isClosed = true
        var actions: [Action] = waiters.map { .fail(waiter: $0.id, .unavailable("pool closed")) }
        waiters.removeAll()
        for slot in slots.indices where slots[slot] != .leased && slots[slot] != .connecting {
            if slots[slot] == .idle { actions.append(.closeConnection(slot: slot)) }
            slots[slot] = .closed
        }
        return actions + timerAction()
    }

    /// The current backoff: minimum × 2^(failures − 1), capped.
    var backoff: UInt64 {
        let exponent = min(consecutiveFailures - 1, 20)
        return min(configuration.backoffMinimumMilliseconds << UInt64(max(exponent, 0)), configuration.backoffMaximumMilliseconds)
    }

    /// Gives an open connection to the longest waiter, or parks it as idle.
    private mutating func handOut(_ slot: Int) -> [Action] {
        guard let waiter = waiters.popFirst() else {
            slots[slot] = .idle
            return []
        }
        slots[slot] = .leased
        return [.lease(slot: slot, waiter: waiter.id)] + timerAction()
    }

    /// Keeps the timer armed for the front waiter's deadline (FIFO with one timeout, so the
    /// front waiter always expires first).
    private mutating func timerAction() -> [Action] {
        let wanted = waiters.first?.deadline
        guard wanted != armedDeadline else { return [] }
        armedDeadline = wanted
        return [.armTimer(atMilliseconds: wanted)]
    }
}
