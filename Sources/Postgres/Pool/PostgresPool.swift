public import Loop

/// A small fixed set of pipelined connections shared by the whole process.
///
/// A thin shell over `PoolStateMachine`. Callers lease a connection for the length of a
/// closure; while the database is down they get `PostgresError(kind: .unavailable)` within the
/// acquire timeout (at once when the last connect failed), which the HTTP layer answers with
/// 503 and Retry-After.
@LoopActor
public final class PostgresPool {
    public let configuration: PostgresPoolConfiguration
    var machine: PoolStateMachine
    var connections: [PostgresConnection?]
    var waiters: [Int: CheckedContinuation<Result<Int, PostgresError>, Never>] = [:]
    var nextWaiterID = 0
    let acquireTimer = LoopTimer()
    var reconnectTimers: [Int: LoopTimer] = [:]
    var listener: PostgresListener?

    /// Creates the pool and starts opening its connections in the background.
    public init(configuration: PostgresPoolConfiguration) {
        self.configuration = configuration
        machine = PoolStateMachine(configuration: configuration.machineConfiguration)
        connections = Array(repeating: nil, count: configuration.size)
        perform(machine.start())
    }

    /// True while at least one connection is open (for /readyz).
    public var isReady: Bool { machine.hasOpenConnection }

    /// Closes every connection and timer so the loop can end; later calls fail `.unavailable`.
    public func close() {
        perform(machine.close())
        // Connections lent out or still connecting end now too: shutdown does not wait.
        for connection in connections { connection?.close() }
        for timer in reconnectTimers.values { timer.close() }
        reconnectTimers = [:]
        acquireTimer.close()
        listener?.close()
        listener = nil
    }

    /// Leases a connection for `body`; it returns to the pool when `body` ends, and is
    /// replaced if it broke meanwhile (or was left inside a transaction).
    ///
    /// Task cancellation interrupts neither the wait nor a running statement: the acquire
    /// timeout bounds the wait, and a statement sent in a pipeline cannot be taken back.
    public func withConnection<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let slot = try await lease().get()
        defer { release(slot) }
        return try await body(connections[slot]!)
    }

    func perform(_ actions: [PoolStateMachine.Action]) {
        for action in actions { perform(action) }
    }

    private func perform(_ action: PoolStateMachine.Action) {
        switch action {
        case .connect(let slot):
            connect(slot)
        case .reconnect(let slot, let delay):
            let timer = reconnectTimers[slot] ?? LoopTimer()
            reconnectTimers[slot] = timer
            timer.start(after: .milliseconds(delay)) { [weak self] in
                guard let self else { return }
                self.perform(self.machine.reconnectDue(slot: slot))
            }
        case .lease(let slot, let waiter):
            waiters.removeValue(forKey: waiter)?.resume(returning: .success(slot))
        case .fail(let waiter, let error):
            waiters.removeValue(forKey: waiter)?.resume(returning: .failure(error))
        case .closeConnection(let slot):
            // Detached first, so its close is not mistaken for a loss of the slot's connection.
            let connection = connections[slot]
            connections[slot] = nil
            connection?.close()
        case .armTimer(let deadline):
            guard let deadline, !acquireTimer.isClosed else { acquireTimer.stop(); return }
            let now = loopNowMilliseconds()
            acquireTimer.start(after: .milliseconds(deadline > now ? deadline - now : 0)) { [weak self] in
                guard let self else { return }
                self.perform(self.machine.timerFired(now: loopNowMilliseconds()))
            }
        }
    }
}
