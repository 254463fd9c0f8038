import Loop
import Postgres

/// Group commit: inputs submitted concurrently are packed into one transaction and every
/// caller is resumed only after that transaction committed.
///
/// No timers: while a transaction commits, the next batch accumulates, so batches grow with
/// load by themselves. If a batch's transaction fails for a reason other than the database
/// being unreachable, each input is retried in a transaction of its own, so one bad input
/// fails only its own caller. Durability is untouched: every batch is a normal COMMIT.
@LoopActor
final class GroupCommitter<Input: Sendable, Output: Sendable> {
    typealias Work = @LoopActor (PostgresTransaction, [Input]) async throws -> [Output]

    private let pool: PostgresPool
    private let maxBatch: Int
    private let maxConcurrentCommits: Int
    private let work: Work
    private var waiting: [(input: Input, continuation: CheckedContinuation<Output, any Error>)] = []
    private var runningCommitters = 0

    init(pool: PostgresPool, maxBatch: Int, maxConcurrentCommits: Int = 2, work: @escaping Work) {
        self.pool = pool
        self.maxBatch = maxBatch
        self.maxConcurrentCommits = maxConcurrentCommits
        self.work = work
    }

    /// Hands `input` to the next transaction and returns its output once that committed.
    func submit(_ input: Input) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            waiting.append((input, continuation))
            startCommitterIfNeeded()
        }
    }

    private func startCommitterIfNeeded() {
        guard runningCommitters < maxConcurrentCommits, !waiting.isEmpty else { return }
        runningCommitters += 1
        EventLoop.shared.task {
            while !self.waiting.isEmpty {
                let batch = Array(self.waiting.prefix(self.maxBatch))
                self.waiting.removeFirst(batch.count)
                await self.commit(batch)
            }
            self.runningCommitters -= 1
        }
    }

    private func commit(_ batch: [(input: Input, continuation: CheckedContinuation<Output, any Error>)]) async {
        do {
            let outputs = try await pool.transaction { tx in try await work(tx, batch.map(\.input)) }
            precondition(outputs.count == batch.count, "group commit work must return one output per input")
            for (item, output) in zip(batch, outputs) { item.continuation.resume(returning: output) }
        } catch where batch.count > 1 && !isDatabaseUnavailable(error) {
            for item in batch {
                do {
                    let output = try await pool.transaction { tx in try await work(tx, [item.input]) }
                    item.continuation.resume(returning: output[0])
                } catch {
                    item.continuation.resume(throwing: error)
                }
            }
        } catch {
            for item in batch { item.continuation.resume(throwing: error) }
        }
    }
}
