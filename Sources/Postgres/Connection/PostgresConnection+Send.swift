import CPQ
import Loop

extension PostgresConnection {
    /// Queues `work` and waits for its answer.
    func submit(_ work: ConnectionRequest.Work) async -> RequestResult {
        let id = nextRequestID
        nextRequestID += 1
        return await withCheckedContinuation { continuation in
            // The server owes nothing while nothing is in flight: its silence counts from now.
            if waiters.isEmpty { lastHeard = .now }
            waiters[id] = continuation
            watchForAnswers()
            perform(machine.requestReceived(ConnectionRequest(id: id, work: work)))
        }
    }

    /// Arms the answer watch (`answerTimeout`) if it is not armed.
    private func watchForAnswers() {
        guard let answerTimeout, answerTimer == nil, !isClosed else { return }
        let timer = LoopTimer()
        answerTimer = timer
        timer.start(after: answerTimeout) { [weak self] in self?.answerWatchFired() }
    }

    /// Ends a connection whose requests heard nothing for `answerTimeout`; otherwise watches on
    /// (or stops watching when nothing is in flight).
    private func answerWatchFired() {
        guard let answerTimer else { return }
        guard let answerTimeout, !waiters.isEmpty else {
            answerTimer.close()
            self.answerTimer = nil
            return
        }
        let silent = MonotonicInstant.now - lastHeard
        if silent >= answerTimeout {
            end(with: .unavailable("the database sent nothing for \(answerTimeout.components.seconds) s"))
        } else {
            answerTimer.restart(after: answerTimeout - silent)
        }
    }

    func sendWaitingRequests() {
        while pq != nil, let action = machine.nextSendable() {
            perform(action)
        }
    }

    private func perform(_ action: ConnectionStateMachine.RequestAction) {
        switch action {
        case .wait:
            break
        case .fail(let id, let error):
            waiters.removeValue(forKey: id)?.resume(returning: .failure(error))
        case .sendPipeline(_, let queries, let plans):
            guard let pq else { return }
            for (query, plan) in zip(queries, plans) where !send(query, plan, on: pq) {
                end(with: .connectionLost("cannot send: \(libpqMessage)"))
                return
            }
            guard PQpipelineSync(pq) == 1 else {
                end(with: .connectionLost("cannot send: \(libpqMessage)"))
                return
            }
            flush()
        case .sendScript(_, let sql):
            guard let pq else { return }
            // The machine sends a script only when the pipeline is drained, which is when
            // libpq allows leaving pipeline mode.
            guard PQexitPipelineMode(pq) == 1, PQsendQuery(pq, sql) == 1 else {
                end(with: .connectionLost("cannot send script: \(libpqMessage)"))
                return
            }
            flush()
        }
    }

    /// Queues one statement in libpq's output buffer; false when libpq refused it.
    private func send(_ query: PostgresQuery, _ plan: StatementPlan, on pq: OpaquePointer) -> Bool {
        let count = Int32(query.parameters.count)
        return withParameterPointers(query.parameters) { values in
            switch plan {
            case .unnamed:
                return PQsendQueryParams(pq, query.sql, count, nil, values, nil, nil, 0) == 1
            case .prepareThenExecute(let name):
                return PQsendPrepare(pq, name, query.sql, count, nil) == 1
                    && PQsendQueryPrepared(pq, name, count, values, nil, nil, 0) == 1
            case .executePrepared(let name):
                return PQsendQueryPrepared(pq, name, count, values, nil, nil, 0) == 1
            }
        }
    }
}

/// Calls `body` with C strings for `parameters` (NULL for SQL NULL), all packed into one
/// buffer so a statement costs one allocation however many parameters it has.
func withParameterPointers<R>(_ parameters: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
    guard !parameters.isEmpty else { return body(nil) }
    var buffer: [CChar] = []
    buffer.reserveCapacity(parameters.reduce(0) { $0 + ($1?.utf8.count ?? 0) + 1 })
    var offsets: [Int?] = []
    offsets.reserveCapacity(parameters.count)
    for parameter in parameters {
        guard var parameter else { offsets.append(nil); continue }
        offsets.append(buffer.count)
        // Copied as a block: mapping byte by byte allocated and looped for every parameter,
        // which showed up with kilobyte-sized array parameters.
        parameter.withUTF8 { utf8 in utf8.withMemoryRebound(to: CChar.self) { buffer.append(contentsOf: $0) } }
        buffer.append(0)
    }
    return buffer.withUnsafeBufferPointer { bytes in
        let pointers: [UnsafePointer<CChar>?] = offsets.map { offset in offset.map { bytes.baseAddress! + $0 } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}
