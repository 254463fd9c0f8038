import Loop

/// The shared tally of one benchmark run, updated by all its worker tasks on the loop.
@LoopActor
final class BenchRun {
    let clock = ContinuousClock()
    private let limit: PostgresBenchmark.Limit
    private let start: ContinuousClock.Instant
    private var next = 0
    private var operations = 0
    private var calls = 0
    private var latencies = LatencySamples()
    private var failure: (any Error)?

    init(limit: PostgresBenchmark.Limit) {
        self.limit = limit
        start = clock.now
    }

    /// The index of the next call, or nil once the run is over (limit reached, or a call failed).
    func nextIndex() -> Int? {
        guard failure == nil else { return nil }
        switch limit {
        case .calls(let total): guard next < total else { return nil }
        case .duration(let duration): guard clock.now - start < duration else { return nil }
        }
        defer { next += 1 }
        return next
    }

    func finished(operations done: Int, after elapsed: Duration) {
        operations += done
        calls += 1
        latencies.record(elapsed)
    }

    /// The first failure ends the run for every worker: figures after it would mislead.
    func failed(_ error: any Error) {
        if failure == nil { failure = error }
    }

    func report() throws -> PostgresBenchmark.Report {
        if let failure { throw failure }
        return PostgresBenchmark.Report(
            operations: operations, seconds: (clock.now - start).inSeconds, transactions: calls,
            p50: latencies.percentile(0.5), p99: latencies.percentile(0.99))
    }
}
