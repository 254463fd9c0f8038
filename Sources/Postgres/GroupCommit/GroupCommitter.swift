public import Loop
import DequeModule

/// Coalesces concurrent writes into shared transactions: many callers, one COMMIT.
///
/// Each caller of `submit` is answered only after the transaction holding its write has
/// committed (durability is the server's: `synchronous_commit` is left alone). Batching is
/// natural: a batch takes whatever is queued when a transaction slot frees up, and while up to
/// `maximumConcurrentBatches` transactions commit the next writes accumulate, so no timer adds
/// latency to a lone write. If a batch fails, it is split in halves and each half retried, so
/// a bad write fails only its own caller at the cost of about 2·log₂(batch) extra transactions.
@LoopActor
public final class GroupCommitter<Handler: GroupCommitHandler> {
    struct Pending {
        let write: Handler.Write
        let continuation: CheckedContinuation<Result<Handler.Output, any Error>, Never>
    }

    private let pool: PostgresPool
    private let handler: Handler
    private let maximumBatchSize: Int
    private let maximumConcurrentBatches: Int
    private var queue = Deque<Pending>()
    private var committingBatches = 0
    public private(set) var statistics = GroupCommitStatistics()

    /// - Parameters:
    ///   - maximumBatchSize: most writes per transaction (bounds statement size and the work
    ///     lost to one failure).
    ///   - maximumConcurrentBatches: transactions in flight at once. More than one lets one
    ///     batch's round trips and flush overlap with the next batch's work; each needs a pooled
    ///     connection, and beyond the point where the database is busy more only shrinks batches.
    public init(pool: PostgresPool, handler: Handler, maximumBatchSize: Int = 1000, maximumConcurrentBatches: Int = 1) {
        precondition(maximumBatchSize > 0, "a batch holds at least one write")
        precondition(maximumConcurrentBatches > 0, "at least one batch commits at a time")
        self.pool = pool
        self.handler = handler
        self.maximumBatchSize = maximumBatchSize
        self.maximumConcurrentBatches = maximumConcurrentBatches
    }

    /// Writes `write` in the next group transaction and returns its output once committed.
    ///
    /// Throws the handler's error for this write, or a `PostgresError`: `.unavailable` when no
    /// connection could be had, `.connectionLost` when the connection broke (the write may or
    /// may not have committed: retry with an idempotency key). Cancelling the calling task
    /// does not withdraw a write that is already queued.
    public func submit(_ write: Handler.Write) async throws -> Handler.Output {
        let result = await withCheckedContinuation { continuation in
            queue.append(Pending(write: write, continuation: continuation))
            if committingBatches < maximumConcurrentBatches {
                committingBatches += 1
                EventLoop.shared.task { await self.commitQueued() }
            }
        }
        return try result.get()
    }

    /// Commits batches until the queue is empty; submissions made meanwhile join later batches.
    private func commitQueued() async {
        while !queue.isEmpty {
            var batch: [Pending] = []
            batch.reserveCapacity(min(queue.count, maximumBatchSize))
            while batch.count < maximumBatchSize, let next = queue.popFirst() { batch.append(next) }
            await commitOrSplit(batch[...])
        }
        committingBatches -= 1
    }

    private func commitOrSplit(_ batch: ArraySlice<Pending>) async {
        do {
            let outputs = try await commitWithRetry(batch.map { $0.write })
            guard outputs.count == batch.count else {
                let error = PostgresError(kind: .server, message: "group commit handler returned \(outputs.count) outputs for \(batch.count) writes")
                for pending in batch { pending.continuation.resume(returning: .failure(error)) }
                return
            }
            statistics.committedTransactions += 1
            statistics.committedWrites += batch.count
            statistics.largestBatch = max(statistics.largestBatch, batch.count)
            for (pending, output) in zip(batch, outputs) { pending.continuation.resume(returning: .success(output)) }
        } catch {
            statistics.failedTransactions += 1
            // Splitting cannot help when the connection, not a write, is at fault.
            if batch.count == 1 || Self.isConnectionFailure(error) {
                for pending in batch { pending.continuation.resume(returning: .failure(error)) }
                return
            }
            let middle = batch.startIndex + batch.count / 2
            await commitOrSplit(batch[..<middle])
            await commitOrSplit(batch[middle...])
        }
    }

    /// One transaction for `writes`; serialization failures, deadlocks and what the handler
    /// names are retried as is (a few times), since they say nothing against any single write.
    private func commitWithRetry(_ writes: [Handler.Write]) async throws -> [Handler.Output] {
        var attempt = 0
        while true {
            do {
                return try await pool.transaction { transaction in try await handler.commit(writes, in: transaction) }
            } catch let error as PostgresError where (error.isSerializationFailure || error.isDeadlock || handler.shouldRetry(after: error)) && attempt < 3 {
                attempt += 1
                statistics.failedTransactions += 1
            }
        }
    }

    private static func isConnectionFailure(_ error: any Error) -> Bool {
        guard let error = error as? PostgresError else { return false }
        return error.kind == .connectionLost || error.kind == .unavailable
    }
}
