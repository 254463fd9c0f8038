import Logging
import Loop

extension PostgresPool {
    /// Waits for a slot with an open connection, first come first served.
    func lease() async -> Result<Int, PostgresError> {
        let id = nextWaiterID
        nextWaiterID += 1
        return await withCheckedContinuation { continuation in
            waiters[id] = continuation
            perform(machine.leaseRequested(waiter: id, now: loopNowMilliseconds()))
        }
    }

    /// Returns a slot; a connection that broke or was left inside a transaction is replaced.
    /// (Requests still in flight are fine: shared requests may be pipelined on it.)
    func release(_ slot: Int) {
        let healthy = connections[slot].map { !$0.isClosed && !$0.isInTransaction } ?? false
        perform(machine.released(slot: slot, healthy: healthy))
    }

    /// Opens the connection of `slot` and tells the machine how it went.
    func connect(_ slot: Int) {
        let connection = PostgresConnection()
        connection.answerTimeout = configuration.answerTimeout
        connections[slot] = connection
        EventLoop.shared.task { [self, configuration] in
            let result = await connection.open(configuration.conninfo, timeout: configuration.connectTimeout)
            // A slot may have been given a newer connection meanwhile (pool closed, reopened).
            guard connections[slot] === connection else { connection.close(); return }
            switch result {
            case .success:
                connection.onClose { [weak self, weak connection] error in
                    guard let self, let connection, self.connections[slot] === connection, !self.machine.isClosed else { return }
                    self.configuration.logger.warning("database connection lost", metadata: ["slot": "\(slot)", "error": "\(error.message)"])
                    self.perform(self.machine.idleConnectionDropped(slot: slot))
                }
                if machine.isDown {
                    configuration.logger.info("database connection restored", metadata: ["slot": "\(slot)"])
                }
                perform(machine.connectSucceeded(slot: slot))
            case .failure(let error):
                connections[slot] = nil
                guard !machine.isClosed else { return }
                // Every slot retries every few seconds through an outage: the 1st, 2nd, 4th, 8th…
                // failure in a row is logged, enough to follow it without a line per attempt.
                let failures = machine.consecutiveFailures + 1
                if failures & (failures - 1) == 0 {
                    configuration.logger.warning("cannot connect to the database; retrying", metadata: [
                        "slot": "\(slot)", "error": "\(error.message)", "failures": "\(failures)",
                    ])
                }
                perform(machine.connectFailed(slot: slot, error: error))
            }
        }
    }
}
