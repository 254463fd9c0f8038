extension PostgresBenchmark {
    /// What one run measured.
    public struct Report: Sendable, CustomStringConvertible {
        /// Operations done: writes, or queries.
        public var operations: Int
        public var seconds: Double
        /// Committed transactions; for pipelined reads, round trips (each pipeline sync group
        /// is one implicit transaction).
        public var transactions: Int
        /// Latency of one timed call (a write, a query, or a batch round trip), milliseconds.
        public var p50: Double
        public var p99: Double

        public var perSecond: Double { seconds > 0 ? Double(operations) / seconds : 0 }

        /// Operations per transaction (or per round trip).
        public var meanBatchSize: Double { transactions > 0 ? Double(operations) / Double(transactions) : 0 }

        public var description: String {
            let rate = Int(perSecond)
            return "\(operations) ops in \(Self.rounded(seconds)) s = \(rate)/s, \(transactions) transactions, p50 \(Self.rounded(p50)) ms, p99 \(Self.rounded(p99)) ms"
        }

        static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
    }
}
