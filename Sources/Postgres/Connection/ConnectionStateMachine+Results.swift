import DequeModule

extension ConnectionStateMachine {
    /// One thing `PQgetResult` returned, already converted.
    enum ResultEvent {
        case rows(PostgresRows)
        case error(PostgresError)
        /// `PGRES_PIPELINE_ABORTED`.
        case aborted
        /// `PGRES_PIPELINE_SYNC`.
        case sync
        /// NULL: the current statement has no more results.
        case end

        /// For diagnostics: the kind only, never the data.
        var name: String {
            switch self {
            case .rows: "rows"
            case .error(let error): "error \(error.sqlState ?? "")"
            case .aborted: "aborted"
            case .sync: "sync"
            case .end: "end"
            }
        }
    }

    enum ResultAction {
        case none
        /// Answer request `id`; after a script the shell re-enters pipeline mode.
        case complete(id: Int, RequestResult, endedScript: Bool)
        /// libpq and our bookkeeping disagree: the connection can no longer be trusted.
        case violation(PostgresError)
    }

    mutating func resultReceived(_ event: ResultEvent) -> ResultAction {
        updateReady { ready in
            guard var request = ready.inFlight.popFirst() else {
                return .violation(.connectionLost("result with no request in flight"))
            }
            let action = Self.advance(&request, by: event, statements: &ready.statements)
            if case .complete = action { return action }
            ready.inFlight.prepend(request)
            return action
        } ?? .violation(.connectionLost("result with no request in flight"))
    }

    /// Records `event` in the oldest in-flight request; `.complete` when it has all its results.
    private static func advance(_ request: inout InFlight, by event: ResultEvent, statements: inout StatementCache) -> ResultAction {
        guard let step = request.steps.first else {
            return .violation(.connectionLost("\(event.name) for a request that expects no more results"))
        }
        switch (step, event) {
        case (.prepare(let sql, _), .rows):
            statements.confirm(sql)
        case (.prepare(let sql, let query), .error(let error)):
            // The statement is aborted by its own failed Parse: report the Parse's error.
            statements.forget(sql)
            request.outcomes[query] = .failed(error)
        case (.prepare(let sql, _), .aborted):
            statements.forget(sql)
        case (.query(let query), .rows(let rows)):
            if request.outcomes[query] == nil { request.outcomes[query] = .rows(rows) }
        case (.query(let query), .error(let error)):
            if request.outcomes[query] == nil { request.outcomes[query] = .failed(error) }
        case (.query(let query), .aborted):
            if request.outcomes[query] == nil { request.outcomes[query] = .aborted }
        case (.prepare, .end), (.query, .end):
            request.steps.removeFirst()
        case (.sync, .sync):
            return .complete(id: request.id, .success(request.outcomes.map { $0 ?? .aborted }), endedScript: false)
        case (.script, .rows(let rows)):
            // A script stops at its first error; keep that error over later results.
            if request.outcomes[0]?.error == nil { request.outcomes[0] = .rows(rows) }
        case (.script, .error(let error)):
            if request.outcomes[0]?.error == nil { request.outcomes[0] = .failed(error) }
        case (.script, .end):
            return .complete(id: request.id, .success([request.outcomes[0] ?? .rows(.empty)]), endedScript: true)
        default:
            return .violation(.connectionLost("unexpected \(event.name) while expecting \(step)"))
        }
        return .none
    }
}
