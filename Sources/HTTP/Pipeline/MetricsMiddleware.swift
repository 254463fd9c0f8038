public import Loop

/// Records every request's method, route pattern, status and latency in a `RequestMetrics`.
/// A thrown error is recorded with the status it will be answered with.
public struct MetricsMiddleware<Context: RequestContext>: RequestHook {
    private let metrics: RequestMetrics

    public init(metrics: RequestMetrics) {
        self.metrics = metrics
    }

    public func after(_ request: Request, context: Context, start: MonotonicInstant, outcome: inout Result<Response, any Error>) {
        let status: Int
        switch outcome {
        case .success(let response): status = response.status
        case .failure(let error): status = Response.status(for: error)
        }
        // Plain nanoseconds: a `Duration` is 128-bit attoseconds, and taking it apart again
        // cost more than the rest of the recording.
        let nanoseconds = MonotonicInstant.now.nanoseconds - start.nanoseconds
        // Read through `core`: a copy of the whole matched route (generic over the context's
        // access type) went through value witnesses.
        let routeIndex = context.core.route?.index
        let route = context.routeLabel
        // The pipeline runs on the loop, and hooks inline in it.
        LoopActor.assumeIsolated {
            metrics.record(method: request.method, routeIndex: routeIndex, route: route, status: status, nanoseconds: nanoseconds)
        }
    }
}
