import Loop
public import Postgres
import Time

extension PostgresBenchmark {
    /// `writers` concurrent callers each ingest one contact event at a time, through one
    /// `GroupCommitter`, into the baseline's row shape (`bench_events`, `bench_contacts`).
    ///
    /// The tables must exist (`ops/bench/db.sh` makes them from the baseline's schema.sql).
    /// Latency is per event; `transactions` counts commits.
    public static func eventIngest(pool: PostgresPool, limit: Limit, writers: Int, maximumBatchSize: Int = 1000) async throws -> Report {
        // Ids unique across runs, so a rerun without TRUNCATE still inserts every event.
        let run = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        return try await groupCommit(
            pool: pool, handler: BenchEventHandler(), limit: limit, writers: writers, maximumBatchSize: maximumBatchSize
        ) { index in
            BenchEventHandler.Write(eventID: "ev-\(run)-\(index)", contactID: "ct-\(run)-\(index)", occurredAt: wallClockNow())
        }
    }

    /// The wall-clock time as RFC 3339 text, as an application stamps a received event.
    private static func wallClockNow() -> String {
        Timestamp(microseconds: WallClock.microsecondsSinceEpoch).rfc3339
    }
}
