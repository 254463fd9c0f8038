/// Collects routes, then freezes them into an immutable `Router` (build-then-freeze).
///
/// Generic over the handler so the router stays pure: it neither knows nor calls what it routes to.
public struct RouterBuilder<Handler> {
    private var nodes: [RouteNode] = [RouteNode()]
    private var handlers: [Handler] = []

    /// Creates an empty builder.
    public init() {}

    /// Adds a route. `pattern` is a path such as `/v1/dispatches/{id}/events`; a `{name}` segment
    /// matches any one non-empty segment. Adding the same method and pattern shape twice
    /// (even with different parameter names) is a programming error and stops the process.
    public mutating func add(_ method: String, _ pattern: String, _ handler: Handler) {
        precondition(!method.isEmpty && method.utf8.allSatisfy(ASCII.isTokenChar), "route method must be a token: \(method)")
        let parsed = RoutePattern(pattern)
        var index = 0
        for segment in parsed.segments {
            index = child(of: index, for: segment)
        }
        precondition(!nodes[index].routes.contains { $0.method == method }, "duplicate route: \(method) \(pattern)")
        handlers.append(handler)
        nodes[index].routes.append(.init(method: method, handlerIndex: handlers.count - 1, parameterNames: parsed.parameterNames, pattern: pattern))
    }

    /// The routes added so far, as an immutable router.
    public func freeze() -> Router<Handler> {
        Router(nodes: nodes.map { $0.frozen() }, handlers: handlers)
    }

    /// The child of node `index` for `segment`, created when missing.
    private mutating func child(of index: Int, for segment: RoutePattern.Segment) -> Int {
        switch segment {
        case .literal(let literal):
            if let existing = nodes[index].literals[literal] { return existing }
            nodes.append(RouteNode())
            nodes[index].literals[literal] = nodes.count - 1
        case .parameter:
            if let existing = nodes[index].parameter { return existing }
            nodes.append(RouteNode())
            nodes[index].parameter = nodes.count - 1
        }
        return nodes.count - 1
    }
}
