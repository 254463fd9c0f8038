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
        let duration = MonotonicInstant.now - start
        // The pipeline runs on the loop, and hooks inline in it.
        LoopActor.assumeIsolated {
            metrics.record(method: request.method, route: context.routeLabel, status: status, duration: duration)
        }
    }
}
