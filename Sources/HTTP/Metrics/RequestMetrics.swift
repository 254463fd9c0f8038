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
    /// Every series, in the order first recorded.
    private var recorded: [RequestSeries] = []
    /// Where each series is in `recorded`.
    private var positions: [RequestSeries.Key: Int] = [:]
    /// The same positions by route, for `MetricsMiddleware`: unmatched requests first, then each
    /// route by `MatchedRoute.index`.
    private var positionsByRoute: [RouteSeriesPositions] = []

    /// Bounds from 1 ms to 10 s: a request slower than that is an outage, not a latency.
    public nonisolated static let defaultBucketBounds: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    public nonisolated init(bucketBounds: [Double] = RequestMetrics.defaultBucketBounds) {
        precondition(bucketBounds == bucketBounds.sorted() && Set(bucketBounds).count == bucketBounds.count, "bucket bounds must ascend")
        self.bucketBounds = bucketBounds
    }

    /// Counts one answered request.
    public func record(method: String, route: String, status: Int, duration: Duration) {
        let key = RequestSeries.Key(method: MethodLabel.of(method), route: route, status: status)
        add(seconds: Self.seconds(duration), at: position(of: key))
    }

    /// Counts one answered request of the route at `routeIndex` (`MatchedRoute.index`; nil when
    /// none matched), whose label is `route`.
    func record(method: String, routeIndex: Int?, route: String, status: Int, nanoseconds: Int64) {
        let method = MethodLabel.of(method)
        let slot = if let routeIndex { routeIndex + 1 } else { 0 }
        while positionsByRoute.count <= slot { positionsByRoute.append(RouteSeriesPositions()) }
        let position: Int
        if let known = positionsByRoute[slot].position(method: method, status: status) {
            position = known
        } else {
            position = self.position(of: RequestSeries.Key(method: method, route: route, status: status))
            positionsByRoute[slot].add(method: method, status: status, position: position)
        }
        add(seconds: Double(nanoseconds) / 1e9, at: position)
    }

    /// Every series recorded so far, ordered by route, method and status.
    public var series: [RequestSeries] {
        recorded.sorted { $0.key < $1.key }
    }

    /// Where the series of `key` is in `recorded`, added when new.
    private func position(of key: RequestSeries.Key) -> Int {
        if let position = positions[key] { return position }
        recorded.append(RequestSeries(key: key, bucketCount: bucketBounds.count + 1))
        positions[key] = recorded.count - 1
        return recorded.count - 1
    }

    private func add(seconds: Double, at position: Int) {
        // The first bucket whose bound is not below the latency; past the last: only +Inf.
        // A loop rather than `firstIndex`: a closure written here would be loop-isolated, and
        // handing it to nonisolated code adds a runtime executor check.
        var bucket = 0
        while bucket < bucketBounds.count, seconds > bucketBounds[bucket] { bucket += 1 }
        recorded[position].add(seconds: seconds, bucket: bucket)
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
