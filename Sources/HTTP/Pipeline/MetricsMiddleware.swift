import Loop

/// Records every request's method, route pattern, status and latency in a `RequestMetrics`.
/// A thrown error is recorded with the status it will be answered with.
public struct MetricsMiddleware<Context: RequestContext>: Middleware {
    private let metrics: RequestMetrics

    public init(metrics: RequestMetrics) {
        self.metrics = metrics
    }

    public func handle(_ request: Request, context: Context, next: MiddlewareNext<Context>) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            record(request, context, status: response.status, since: start)
            return response
        } catch {
            record(request, context, status: Response.status(for: error), since: start)
            throw error
        }
    }

    /// The pipeline runs on the loop, and middleware on their caller's executor, so this is
    /// the loop: the registry is updated in place, without a hop.
    private func record(_ request: Request, _ context: Context, status: Int, since start: ContinuousClock.Instant) {
        let duration = ContinuousClock.now - start
        LoopActor.assumeIsolated {
            metrics.record(method: request.method, route: context.routeLabel, status: status, duration: duration)
        }
    }
}
