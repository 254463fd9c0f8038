public import Postgres

extension PostgresBenchmark {
    /// One connection keeps `depth` parameterised `SELECT $1::int` in flight, as `batches`
    /// pipeline batches of `depth / batches` statements each.
    ///
    /// Latency is per batch round trip; `transactions` counts round trips. More than one batch
    /// in flight keeps the server busy while the client reads one answer and sends the next.
    public static func pipelinedSelect(connection: PostgresConnection, limit: Limit, depth: Int, batches: Int = 2) async throws -> Report {
        precondition(batches > 0 && depth % batches == 0, "depth must be a positive multiple of batches")
        let size = depth / batches
        return try await measure(limit: limit, workers: batches) { index in
            var batch = PostgresBatch()
            // Distinct values stop the run looking cached, and stay inside int4.
            let base = (index &* size) % Int(Int32.max - Int32(size))
            for offset in 0..<size { batch.add("SELECT $1::int", [base + offset]) }
            let results = try await connection.execute(batch)
            try results.check()
            return size
        }
    }
}
