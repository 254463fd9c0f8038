public import Loop

/// The statements of one transaction, on the connection that runs it.
///
/// `BEGIN` is not a round trip of its own: it travels in the same pipeline as the first
/// statement.
@LoopActor
public final class PostgresTransaction {
    let connection: PostgresConnection
    private var began = false

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

    /// Commits; a transaction that a failed statement aborted reports `ROLLBACK` and throws.
    func commit() async throws(PostgresError) {
        guard began else { return }
        let rows = try await connection.query("COMMIT")
        if rows.commandTag == "ROLLBACK" {
            throw PostgresError(kind: .server, sqlState: "25P02", message: "transaction rolled back: a statement in it failed")
        }
    }

    /// Rolls back; a connection that cannot even do that is closed so the pool replaces it.
    func rollback() async {
        // A failed COMMIT has already ended the transaction.
        guard began, !connection.isClosed, connection.isInTransaction else { return }
        do { try await connection.query("ROLLBACK") } catch { connection.close() }
    }
}
