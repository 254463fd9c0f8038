import Loop

/// Records every request's method, route pattern, status and latency in a `RequestMetrics`.
/// A thrown error is recorded with the status it will be answered with.
public struct MetricsMiddleware<Context: RequestContext>: Middleware {
    private let metrics: RequestMetrics

    public init(metrics: RequestMetrics) {
        self.metrics = metrics
    }

    @LoopActor
    public func handle(_ request: Request, context: Context, next: MiddlewareNext<Context>) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            metrics.record(method: request.method, route: context.routeLabel, status: response.status, duration: ContinuousClock.now - start)
            return response
        } catch {
            metrics.record(method: request.method, route: context.routeLabel, status: Response.status(for: error), duration: ContinuousClock.now - start)
            throw error
        }
    }
}
