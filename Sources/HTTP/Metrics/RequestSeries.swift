/// The requests of one method, route and status: how many, their total latency and a latency
/// histogram.
public struct RequestSeries: Sendable, Equatable {
    public struct Key: Hashable, Sendable, Comparable {
        public let method: String
        public let route: String
        public let status: Int

        public init(method: String, route: String, status: Int) {
            self.method = method
            self.route = route
            self.status = status
        }

        public static func < (a: Key, b: Key) -> Bool {
            (a.route, a.method, a.status) < (b.route, b.method, b.status)
        }
    }

    public let key: Key
    public private(set) var count = 0
    /// The sum of the latencies, in seconds.
    public private(set) var sumSeconds = 0.0
    /// Requests per bucket (not cumulative): one entry per bound, then one for beyond the last.
    public private(set) var bucketCounts: [Int]

    init(key: Key, bucketCount: Int) {
        self.key = key
        bucketCounts = Array(repeating: 0, count: bucketCount)
    }

    mutating func add(seconds: Double, bucket: Int) {
        count += 1
        sumSeconds += seconds
        bucketCounts[bucket] += 1
    }
}
