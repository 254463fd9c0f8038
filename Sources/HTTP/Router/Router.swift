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
        switch RouteSearch.match(method: method, path: path, in: nodes) {
        case .found(let handlerIndex, let parameters, let pattern): .found(handlers[handlerIndex], parameters, pattern: pattern)
        case .methodNotAllowed(let allow): .methodNotAllowed(allow: allow)
        case .notFound: .notFound
        }
    }

    /// Every route as registered, `(method, pattern)`, in no particular order: for documents
    /// that describe the routes (OpenAPI) and the tests that keep them true.
    public var routes: [(method: String, pattern: String)] {
        nodes.flatMap { node in node.routes.map { (method: $0.method, pattern: $0.pattern) } }
    }
}

extension Router: Sendable where Handler: Sendable {}
