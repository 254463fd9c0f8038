/// The domain side of group commit: how a batch of writes is written in one transaction.
///
/// Writes of the same shape should become multi-row statements (for example one
/// `INSERT ... SELECT * FROM unnest($1::text[], $2::int8[]) RETURNING ...` for the whole
/// batch), so a batch costs a few statements whatever its size.
public protocol GroupCommitHandler: Sendable {
    associatedtype Write: Sendable
    associatedtype Output: Sendable

    /// Writes `writes` in `transaction` and returns one output per write, in the same order.
    ///
    /// The transaction is shared by other callers' writes. Throw if any write fails: the
    /// committer then splits the batch to find which write is at fault, so only its caller
    /// sees the error. Must not commit or roll back itself.
    func commit(_ writes: [Write], in transaction: PostgresTransaction) async throws -> [Output]
}

/// Counters for judging how well writes are being grouped.
public struct GroupCommitStatistics: Sendable, Equatable {
    /// Transactions that committed (each holds one or more writes).
    public var committedTransactions = 0
    /// Writes whose transaction committed.
    public var committedWrites = 0
    /// Transactions that failed and were split or retried.
    public var failedTransactions = 0
    /// Largest number of writes committed in one transaction.
    public var largestBatch = 0

    public init() {}
}
