import Loop

/// The one place every request passes: it is routed first, so every hook and middleware knows
/// the matched route (or that none matched), then runs through them in the order added, and
/// finally reaches its handler, or a 404 or 405 when no route matched.
///
/// Routing before the middleware lets access control answer 401 for a path that does not exist
/// exactly as for one that does, and lets logs and metrics name the route pattern.
public struct Pipeline<Context: RequestContext>: HTTPResponder {
    let router: Router<Endpoint<Context>>
    let segments: [PipelineSegment<Context>]

    /// Every route as registered, `(method, pattern)`.
    public var routes: [(method: String, pattern: String)] { router.routes }

    public func respond(to request: Request) async -> Response {
        // HEAD is matched to the GET route; the connection drops the body.
        let match = router.match(method: request.method, path: request.path)
        var route: MatchedRoute<Context.Access>?
        if case .found(let endpoint, let parameters, let pattern) = match {
            route = MatchedRoute(pattern: pattern, access: endpoint.access, parameters: parameters, index: endpoint.index)
        }
        let context = Context(core: CoreRequestContext(route: route))
        switch await run(0, request, context, match, start: .now) {
        case .success(let response): return response
        case .failure(let error): return Response(error: error)
        }
    }

    /// Runs segment `index`: its hooks' `before` in order, then its middleware with the rest
    /// as `next` (or, in the last segment, the handler), then the entered hooks' `after` in
    /// reverse.
    private func run(_ index: Int, _ request: Request, _ context: Context, _ match: RouteMatch<Endpoint<Context>>,
                     start: MonotonicInstant) async -> Result<Response, any Error> {
        let segment = segments[index]
        var context = context
        var entered = 0
        var outcome: Result<Response, any Error>
        do {
            // By index, not `for in`: the iterator copied each hook out, retaining and releasing
            // its closures' contexts.
            while entered < segment.hooks.count {
                switch segment.hooks[entered].before {
                case .sync(let before): try before(request, &context)
                case .async(let needsToWait, let before):
                    if try needsToWait(request, &context) { try await before(request, &context) }
                }
                entered += 1
            }
            if let middleware = segment.middleware {
                outcome = .success(try await middleware(request, context) { request, context in
                    try await run(index + 1, request, context, match, start: start).get()
                })
            } else {
                outcome = .success(try await dispatch(request, context, match))
            }
        } catch {
            outcome = .failure(error)
        }
        var unwinding = entered
        while unwinding > 0 {
            unwinding -= 1
            segment.hooks[unwinding].after?(request, context, start, &outcome)
        }
        return outcome
    }

    private func dispatch(_ request: Request, _ context: Context, _ match: RouteMatch<Endpoint<Context>>) async throws -> Response {
        switch match {
        case .found(let endpoint, _, _):
            return try await endpoint.handler(request, context)
        case .methodNotAllowed(let allow):
            // RFC 9110 §9.1: a method the server does not recognise at all is 501; a standard
            // one this resource does not take, 405 with what it does take.
            guard StandardMethod.isStandard(request.method) else {
                throw Problem(status: 501, detail: "This request method is not one this server implements.")
            }
            throw Problem(status: 405, detail: "\(request.method) is not allowed here.", headers: [("Allow", allow.joined(separator: ", "))])
        case .notFound:
            throw Problem.notFound()
        }
    }
}
