public import Loop

/// The statements of one transaction, on the connection that runs it.
///
/// `BEGIN` is not a round trip of its own: it travels in the same pipeline as the first
/// statement.
@LoopActor
public final class PostgresTransaction {
    let connection: PostgresConnection
    private var began = false
    private var committed = false

    init(connection: PostgresConnection) { self.connection = connection }

    /// Runs one statement in the transaction.
    @discardableResult
    public func query(_ sql: String, _ parameters: [any PostgresEncodable] = []) async throws(PostgresError) -> PostgresRows {
        var batch = PostgresBatch()
        let handle = batch.add(sql, parameters)
        return try await execute(batch).rows(handle)
    }

    /// Runs a batch in the transaction in one round trip. A failed statement aborts the
    /// transaction: the ones after it are skipped and only ROLLBACK remains possible.
    public func execute(_ batch: PostgresBatch) async throws(PostgresError) -> PostgresBatchResults {
        guard !began else { return try await connection.execute(batch) }
        var withBegin = PostgresBatch()
        withBegin.add("BEGIN")
        for query in batch.queries { withBegin.add(query) }
        let results = try await connection.execute(withBegin)
        if let error = results.outcomes[0].error { throw error }
        began = true
        return PostgresBatchResults(outcomes: Array(results.outcomes.dropFirst()))
    }

    /// Builds and runs a batch in the transaction.
    public func pipeline(_ build: (inout PostgresBatch) -> Void) async throws(PostgresError) -> PostgresBatchResults {
        var batch = PostgresBatch()
        build(&batch)
        return try await execute(batch)
    }

    /// Runs the transaction's last batch with `COMMIT` in the same round trip, for callers whose
    /// last statements decide nothing more (group commit). Throws if any statement failed or the
    /// commit did not happen; nothing may run in the transaction afterwards.
    public func executeAndCommit(_ batch: PostgresBatch) async throws(PostgresError) -> PostgresBatchResults {
        var withCommit = batch
        let commit = withCommit.add("COMMIT")
        let results = try await execute(withCommit)
        try results.check()
        try Self.checkCommitted(try results.rows(commit))
        committed = true
        return PostgresBatchResults(outcomes: Array(results.outcomes.dropLast()))
    }

    /// Commits; a transaction that a failed statement aborted reports `ROLLBACK` and throws.
    func commit() async throws(PostgresError) {
        guard began, !committed else { return }
        try Self.checkCommitted(try await connection.query("COMMIT"))
    }

    private static func checkCommitted(_ rows: PostgresRows) throws(PostgresError) {
        if rows.commandTag == "ROLLBACK" {
            throw PostgresError(kind: .server, sqlState: "25P02", message: "transaction rolled back: a statement in it failed")
        }
    }

    /// Rolls back; a connection that cannot even do that is closed so the pool replaces it.
    func rollback() async {
        // A failed COMMIT has already ended the transaction.
        guard began, !committed, !connection.isClosed, connection.isInTransaction else { return }
        do { try await connection.query("ROLLBACK") } catch { connection.close() }
    }
}
