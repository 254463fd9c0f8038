extension PostgresPool {
    /// Runs one statement, pipelined with other callers' statements on an idle connection.
    @discardableResult
    public func query(_ sql: String, _ parameters: [any PostgresEncodable] = []) async throws(PostgresError) -> PostgresRows {
        try await withSharedConnection { connection throws(PostgresError) in try await connection.query(sql, parameters) }
    }

    /// Runs a batch in one round trip on any connection (see `PostgresBatch` on atomicity).
    public func execute(_ batch: PostgresBatch) async throws(PostgresError) -> PostgresBatchResults {
        try await withSharedConnection { connection throws(PostgresError) in try await connection.execute(batch) }
    }

    /// Builds and runs a batch: `try await pool.pipeline { $0.add(...); $0.add(...) }`.
    public func pipeline(_ build: (inout PostgresBatch) -> Void) async throws(PostgresError) -> PostgresBatchResults {
        var batch = PostgresBatch()
        build(&batch)
        return try await execute(batch)
    }

    /// Checks that the database answers (for /readyz): `SELECT 1`, shared with other requests
    /// on an idle connection when there is one (see `withSharedConnection`).
    public func ping() async throws(PostgresError) {
        try await query("SELECT 1")
    }

    /// Runs a self-contained request (its own sync group) without leasing: on the idle
    /// connection with the least in flight, else on a leased one as usual. Such requests may
    /// share a connection because each is an implicit transaction of its own; a lease for a
    /// transaction later simply queues its BEGIN behind them.
    func withSharedConnection<T>(_ body: (PostgresConnection) async throws(PostgresError) -> T) async throws(PostgresError) -> T {
        var best: PostgresConnection?
        for slot in machine.slots.indices where machine.slots[slot] == .idle {
            guard let candidate = connections[slot], !candidate.isClosed else { continue }
            if best == nil || candidate.inFlightCount < best!.inFlightCount { best = candidate }
        }
        if let best { return try await body(best) }
        return try await withPostgresConnection(body)
    }

    /// `withConnection` for bodies that throw only `PostgresError`.
    func withPostgresConnection<T>(_ body: (PostgresConnection) async throws(PostgresError) -> T) async throws(PostgresError) -> T {
        let slot = try await lease().get()
        defer { release(slot) }
        return try await body(connections[slot]!)
    }
}
