/// The domain side of group commit: how a batch of writes is written in one transaction.
///
/// Writes of the same shape should become multi-row statements (one parameter carrying every
/// row, read with `jsonb_to_recordset` or `unnest`), so a batch costs a few statements and
/// round trips whatever its size.
public protocol GroupCommitHandler: Sendable {
    associatedtype Write: Sendable
    associatedtype Output: Sendable

    /// Writes `writes` in `transaction` and returns one output per write, in the same order.
    ///
    /// The transaction is shared by other callers' writes. A write that the domain refuses
    /// should be answered through its output, so the others still commit together. Throw only
    /// when the transaction cannot go on: the committer then splits the batch to find which
    /// write is at fault, so only its caller sees the error. The handler commits the
    /// transaction itself (usually pipelined with its last statements, to save a round trip)
    /// or leaves it to the committer; it never rolls back.
    func commit(_ writes: [Write], in transaction: PostgresTransaction) async throws -> [Output]

    /// Whether a failed transaction should be retried whole, as it is: serialization failures
    /// and deadlocks always are; a handler adds errors that a fresh read would resolve (a row
    /// another transaction inserted after this one looked).
    func shouldRetry(after error: PostgresError) -> Bool
}

extension GroupCommitHandler {
    public func shouldRetry(after error: PostgresError) -> Bool { false }
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
