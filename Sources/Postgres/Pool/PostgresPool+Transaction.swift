extension PostgresPool {
    /// Runs `body` in a transaction: COMMIT when it returns, ROLLBACK when it throws.
    ///
    /// If COMMIT itself fails the error is thrown (serialization failures and deadlocks can be
    /// retried by the caller: see `PostgresError.isSerializationFailure`). A connection lost
    /// during COMMIT leaves the outcome unknown; it is reported as `.connectionLost`.
    public func transaction<T>(_ body: (PostgresTransaction) async throws -> T) async throws -> T {
        try await withConnection { connection in
            let transaction = PostgresTransaction(connection: connection)
            let value: T
            do {
                value = try await body(transaction)
            } catch {
                await transaction.rollback()
                throw error
            }
            do {
                try await transaction.commit()
            } catch {
                await transaction.rollback()
                throw error
            }
            return value
        }
    }
}
