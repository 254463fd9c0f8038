/// Collects middleware and routes, then freezes them into an immutable `Pipeline`
/// (build-then-freeze).
public struct PipelineBuilder<Context: RequestContext> {
    private var segments: [PipelineSegment<Context>] = [PipelineSegment()]
    private var routes = RouterBuilder<Endpoint<Context>>()
    private var routeCount = 0

    public init() {}

    /// Adds a middleware inside those added before it: the first added sees each request first
    /// and its response last.
    public mutating func add<M: Middleware<Context>>(middleware: M) {
        // Kept as a closure made here, where the middleware's type is known, rather than as an
        // existential: a call through `any Middleware<Context>` runs the generic, unspecialised
        // implementation (through runtime metadata), which cost 1–3 µs per layer per request.
        segments[segments.count - 1].middleware = { request, context, next in
            try await middleware.handle(request, context: context, next: next)
        }
        segments.append(PipelineSegment())
    }

    /// Adds a hook inside the middleware and hooks added before it (see `RequestHook`).
    public mutating func add<H: RequestHook<Context>>(middleware hook: H) {
        segments[segments.count - 1].hooks.append(HookCalls(
            before: .sync { request, context in try hook.before(request, context: &context) },
            after: { request, context, start, outcome in hook.after(request, context: context, start: start, outcome: &outcome) }))
    }

    /// Adds a hook that may wait on its way in (see `AsyncRequestHook`).
    public mutating func add<H: AsyncRequestHook<Context>>(middleware hook: H) {
        segments[segments.count - 1].hooks.append(HookCalls(
            before: .async({ request, context in try hook.needsToWait(request, context: &context) },
                           { request, context in try await hook.before(request, context: &context) }),
            after: nil))
    }

    /// Adds a route. `pattern` is a path such as `/v1/dispatches/{id}/events` (see
    /// `RouterBuilder.add`); `access` is what the route demands of its callers, for an
    /// access-control middleware to enforce before the handler runs.
    public mutating func add(_ method: String, _ pattern: String, access: Context.Access, _ handler: @escaping RouteHandler<Context>) {
        routes.add(method, pattern, Endpoint(access: access, handler: handler, index: routeCount))
        routeCount += 1
    }

    /// The middleware and routes added so far, as an immutable pipeline.
    public func freeze() -> Pipeline<Context> {
        Pipeline(router: routes.freeze(), segments: segments)
    }
}

extension PipelineBuilder where Context.Access == Void {
    /// Adds a route to a pipeline without access control.
    public mutating func add(_ method: String, _ pattern: String, _ handler: @escaping RouteHandler<Context>) {
        add(method, pattern, access: (), handler)
    }
}
