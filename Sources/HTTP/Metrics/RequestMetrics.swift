public import Loop

/// An in-memory registry of request counts and latencies by method, route pattern and status,
/// for a `/metrics` route to render in the Prometheus text format.
///
/// Labels are bounded by construction: methods outside the standard ones count as `OTHER`, and
/// routes are patterns (or `unmatched`), never raw paths, so neither a client nor a caller's data
/// can create new series. Lives on the loop like the requests it counts, so it needs no lock.
@LoopActor
public final class RequestMetrics {
    /// Upper bounds of the latency histogram's buckets, in seconds (Prometheus `le`), ascending.
    public nonisolated let bucketBounds: [Double]
    private var table: [RequestSeries.Key: RequestSeries] = [:]

    /// Bounds from 1 ms to 10 s: a request slower than that is an outage, not a latency.
    public nonisolated static let defaultBucketBounds: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    public nonisolated init(bucketBounds: [Double] = RequestMetrics.defaultBucketBounds) {
        precondition(bucketBounds == bucketBounds.sorted() && Set(bucketBounds).count == bucketBounds.count, "bucket bounds must ascend")
        self.bucketBounds = bucketBounds
    }

    /// Counts one answered request.
    public func record(method: String, route: String, status: Int, duration: Duration) {
        let key = RequestSeries.Key(method: MethodLabel.of(method), route: route, status: status)
        let seconds = Self.seconds(duration)
        // The first bucket whose bound is not below the latency; past the last: only +Inf.
        let bucket = bucketBounds.firstIndex { seconds <= $0 } ?? bucketBounds.count
        table[key, default: RequestSeries(key: key, bucketCount: bucketBounds.count + 1)].add(seconds: seconds, bucket: bucket)
    }

    /// Every series recorded so far, ordered by route, method and status.
    public var series: [RequestSeries] {
        table.values.sorted { $0.key < $1.key }
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
