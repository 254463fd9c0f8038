/// An immutable table of routes, matched by method and path; built with `RouterBuilder`.
///
/// Matching rules:
/// - Paths are matched segment by segment, still percent-encoded; literal segments compare
///   exactly (case-sensitive, `%74eams` is not `teams`). Parameter values are percent-decoded.
/// - A literal segment wins over a parameter at the same position; when the literal branch leads
///   nowhere, the parameter branch is tried (so `/teams/available` and `/teams/{id}/status` coexist).
/// - A trailing slash is a segment of its own: `/v1/teams/` does not match `/v1/teams`.
/// - HEAD is served by the GET route unless HEAD has its own; `Allow` lists HEAD wherever GET is.
public struct Router<Handler> {
    let nodes: [RouteNode]
    let handlers: [Handler]

    /// Finds the handler for `method` and `path` (the request's path, before `?`, not decoded),
    /// with the pattern of the route that matched.
    public func match(method: String, path: String) -> RouteMatch<Handler> {
        guard path.utf8.first == ASCII.slash else { return .notFound }
        let rest = path.dropFirst()
        var search = RouteSearch(method: method)
        guard search.visit(0, rest.isEmpty ? nil : rest, in: nodes) else {
            return search.allowed.isEmpty ? .notFound : .methodNotAllowed(allow: search.allowedMethods)
        }
        guard let (route, captures) = search.found else { return .notFound }
        var parameters = PathParameters()
        for (name, raw) in zip(route.parameterNames, captures) {
            // A value that does not decode to UTF-8 cannot name anything we store.
            guard let value = PercentDecoding.decode(raw) else { return .notFound }
            parameters.append(name: name, value: value)
        }
        return .found(handlers[route.handlerIndex], parameters, pattern: route.pattern)
    }

    /// Every route as registered, `(method, pattern)`, in no particular order: for documents
    /// that describe the routes (OpenAPI) and the tests that keep them true.
    public var routes: [(method: String, pattern: String)] {
        nodes.flatMap { node in node.routes.map { (method: $0.method, pattern: $0.pattern) } }
    }
}

extension Router: Sendable where Handler: Sendable {}
