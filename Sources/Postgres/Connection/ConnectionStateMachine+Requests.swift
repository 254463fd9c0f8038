import DequeModule

extension ConnectionStateMachine {
    /// What the shell does with a request.
    enum RequestAction {
        /// Send the statements in pipeline mode with these plans, then a sync point.
        case sendPipeline(id: Int, queries: [PostgresQuery], plans: [StatementPlan])
        /// Leave pipeline mode and send the script with the simple query protocol.
        case sendScript(id: Int, sql: String)
        /// Answer the request at once (closed connection, invalid request).
        case fail(id: Int, PostgresError)
        /// Queued behind a script; `nextSendable()` will hand it out.
        case wait
    }

    mutating func requestReceived(_ request: ConnectionRequest) -> RequestAction {
        guard case .ready = state else {
            if case .closed(let error) = state { return .fail(id: request.id, error) }
            return .fail(id: request.id, .unavailable("connection not ready"))
        }
        if case .pipeline(let queries) = request.work {
            if queries.isEmpty { return .fail(id: request.id, PostgresError(kind: .server, message: "empty pipeline")) }
            if queries.contains(where: { $0.parameters.count > PostgresQuery.maximumParameters }) {
                return .fail(id: request.id, PostgresError(kind: .server, message: "more than 65535 parameters in one statement"))
            }
        }
        return updateReady { ready in
            guard ready.waiting.isEmpty, Self.canSend(request, in: ready) else {
                ready.waiting.append(request)
                return .wait
            }
            return Self.start(request, in: &ready)
        } ?? .fail(id: request.id, .unavailable("connection not ready"))
    }

    /// The next queued request that may be sent now, if any (call after each completion).
    mutating func nextSendable() -> RequestAction? {
        updateReady { ready in
            guard let next = ready.waiting.first, Self.canSend(next, in: ready) else { return nil }
            ready.waiting.removeFirst()
            return Self.start(next, in: &ready)
        } ?? nil
    }

    /// Pipelines may overlap each other, but a script needs the pipeline drained (libpq
    /// leaves pipeline mode only when idle) and nothing may be sent while it runs.
    private static func canSend(_ request: ConnectionRequest, in ready: Ready) -> Bool {
        if ready.inFlight.last?.isScript == true { return false }
        if case .script = request.work { return ready.inFlight.isEmpty }
        return true
    }

    private static func start(_ request: ConnectionRequest, in ready: inout Ready) -> RequestAction {
        switch request.work {
        case .script(let sql):
            ready.inFlight.append(InFlight(id: request.id, steps: [.script], outcomes: [nil]))
            return .sendScript(id: request.id, sql: sql)
        case .pipeline(let queries):
            var steps = Deque<InFlight.Step>()
            var plans: [StatementPlan] = []
            plans.reserveCapacity(queries.count)
            for (index, query) in queries.enumerated() {
                let plan = ready.statements.plan(for: query.sql)
                if case .prepareThenExecute = plan { steps.append(.prepare(sql: query.sql, query: index)) }
                steps.append(.query(index))
                plans.append(plan)
            }
            steps.append(.sync)
            ready.inFlight.append(InFlight(id: request.id, steps: steps, outcomes: Array(repeating: nil, count: queries.count)))
            return .sendPipeline(id: request.id, queries: queries, plans: plans)
        }
    }
}
