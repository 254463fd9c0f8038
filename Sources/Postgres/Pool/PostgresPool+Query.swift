extension PostgresPool {
    /// Runs one statement on any connection.
    @discardableResult
    public func query(_ sql: String, _ parameters: [any PostgresEncodable] = []) async throws(PostgresError) -> PostgresRows {
        try await withPostgresConnection { connection throws(PostgresError) in try await connection.query(sql, parameters) }
    }

    /// Runs a batch in one round trip on any connection (see `PostgresBatch` on atomicity).
    public func execute(_ batch: PostgresBatch) async throws(PostgresError) -> PostgresBatchResults {
        try await withPostgresConnection { connection throws(PostgresError) in try await connection.execute(batch) }
    }

    /// Builds and runs a batch: `try await pool.pipeline { $0.add(...); $0.add(...) }`.
    public func pipeline(_ build: (inout PostgresBatch) -> Void) async throws(PostgresError) -> PostgresBatchResults {
        var batch = PostgresBatch()
        build(&batch)
        return try await execute(batch)
    }

    /// Checks that the database answers (for /readyz): leases a connection and runs `SELECT 1`.
    public func ping() async throws(PostgresError) {
        try await query("SELECT 1")
    }

    /// `withConnection` for bodies that throw only `PostgresError`.
    func withPostgresConnection<T>(_ body: (PostgresConnection) async throws(PostgresError) -> T) async throws(PostgresError) -> T {
        let slot = try await lease().get()
        defer { release(slot) }
        return try await body(connections[slot]!)
    }
}
