import CPQ
import Loop

extension PostgresConnection {
    /// Watches readability always (results, notifications, EOF) and writability while
    /// libpq still holds unsent output.
    func updatePoll() {
        guard let poll, !poll.isClosed else { return }
        let wanted: FDPoll.Events = needsFlush ? [.readable, .writable] : [.readable]
        guard wanted != pollEvents else { return }
        pollEvents = wanted
        poll.start(wanted) { [weak self] result in self?.socketReady(result) }
    }

    private func socketReady(_ result: Result<FDPoll.Events, UVError>) {
        guard let pq else { return }
        let events: FDPoll.Events
        switch result {
        case .success(let ready): events = ready
        case .failure(let error):
            end(with: .connectionLost("socket error: \(error)"))
            return
        }
        if events.contains(.readable) {
            lastHeard = .now
            guard PQconsumeInput(pq) == 1, PQstatus(pq) != CONNECTION_BAD else {
                end(with: .connectionLost(libpqMessage))
                return
            }
        }
        // libpq asks for a flush after reading too: the server may have been blocked on us.
        if needsFlush { flush() }
        guard self.pq != nil else { return }
        deliverNotifications()
        drainResults()
    }

    /// Sends what libpq has buffered, as far as the socket takes it.
    func flush() {
        guard let pq else { return }
        switch PQflush(pq) {
        case 0: needsFlush = false
        case 1: needsFlush = true
        default:
            end(with: .connectionLost(libpqMessage))
            return
        }
        updatePoll()
    }

    /// Hands every complete result to the state machine, without ever blocking.
    func drainResults() {
        while let pq, machine.isAwaitingResults, PQisBusy(pq) == 0 {
            let event: ConnectionStateMachine.ResultEvent
            if let result = PQgetResult(pq) {
                event = Self.event(for: result)
                PQclear(result)
            } else {
                event = .end
            }
            switch machine.resultReceived(event) {
            case .none:
                break
            case .complete(let id, let outcome, let endedScript):
                if endedScript && PQenterPipelineMode(pq) != 1 {
                    waiters.removeValue(forKey: id)?.resume(returning: outcome)
                    end(with: .connectionLost("cannot re-enter pipeline mode: \(libpqMessage)"))
                    return
                }
                waiters.removeValue(forKey: id)?.resume(returning: outcome)
                sendWaitingRequests()
            case .violation(let error):
                end(with: error)
                return
            }
        }
    }

    private func deliverNotifications() {
        while let pq, let raw = PQnotifies(pq) {
            let notification = PostgresNotification(
                channel: String(cString: raw.pointee.relname),
                payload: String(cString: raw.pointee.extra),
                backendPID: raw.pointee.be_pid)
            PQfreemem(raw)
            onNotification?(notification)
        }
    }
}
