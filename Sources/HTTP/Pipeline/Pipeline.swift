import Loop

/// The one place every request passes: it is routed first, so every middleware knows the matched
/// route (or that none matched), then runs through the middleware chain, and finally reaches its
/// handler, or a 404 or 405 when no route matched.
///
/// Routing before the middleware lets access control answer 401 for a path that does not exist
/// exactly as for one that does, and lets logs and metrics name the route pattern.
public struct Pipeline<Context: RequestContext>: HTTPResponder {
    let router: Router<Endpoint<Context>>
    let middleware: [MiddlewareStep<Context>]

    public func respond(to request: Request) async -> Response {
        // HEAD is matched to the GET route; the connection drops the body.
        let match = router.match(method: request.method, path: request.path)
        var route: MatchedRoute<Context.Access>?
        if case .found(let endpoint, let parameters, let pattern) = match {
            route = MatchedRoute(pattern: pattern, access: endpoint.access, parameters: parameters)
        }
        do {
            return try await run(0, request, Context(core: CoreRequestContext(route: route)), match)
        } catch {
            return Response(error: error)
        }
    }

    /// Calls middleware `index` with the rest of the chain as its `next`.
    private func run(_ index: Int, _ request: Request, _ context: Context, _ match: RouteMatch<Endpoint<Context>>) async throws -> Response {
        guard index < middleware.count else { return try await dispatch(request, context, match) }
        return try await middleware[index](request, context) { request, context in
            try await run(index + 1, request, context, match)
        }
    }

    private func dispatch(_ request: Request, _ context: Context, _ match: RouteMatch<Endpoint<Context>>) async throws -> Response {
        switch match {
        case .found(let endpoint, _, _):
            return try await endpoint.handler(request, context)
        case .methodNotAllowed(let allow):
            throw Problem(status: 405, detail: "\(request.method) is not allowed here.", headers: [("Allow", allow.joined(separator: ", "))])
        case .notFound:
            throw Problem.notFound()
        }
    }
}
