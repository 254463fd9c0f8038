import Loop

extension PostgresConnection {
    /// Runs one parameterised statement.
    @discardableResult
    public func query(_ sql: String, _ parameters: [any PostgresEncodable] = []) async throws(PostgresError) -> PostgresRows {
        let outcomes = try await submit(.pipeline([PostgresQuery(sql, parameters)])).get()
        return try outcomes[0].get()
    }

    /// Runs every statement of `batch` in one round trip and reports each one's outcome.
    ///
    /// Throws only when the connection fails; statement errors are in the results.
    public func execute(_ batch: PostgresBatch) async throws(PostgresError) -> PostgresBatchResults {
        guard !batch.isEmpty else { return PostgresBatchResults(outcomes: []) }
        return PostgresBatchResults(outcomes: try await submit(.pipeline(batch.queries)).get())
    }

    /// Builds a batch with `build` and executes it: `let r = try await c.pipeline { $0.add(...) }`.
    public func pipeline(_ build: (inout PostgresBatch) -> Void) async throws(PostgresError) -> PostgresBatchResults {
        var batch = PostgresBatch()
        build(&batch)
        return try await execute(batch)
    }

    /// Runs a script of one or more statements with the simple query protocol (migrations).
    ///
    /// No parameters: the text is sent as is. Without explicit `BEGIN`/`COMMIT` the server
    /// runs the whole script as one implicit transaction. Returns the last statement's rows.
    @discardableResult
    public func runScript(_ sql: String) async throws(PostgresError) -> PostgresRows {
        let outcomes = try await submit(.script(sql)).get()
        return try outcomes[0].get()
    }
}
