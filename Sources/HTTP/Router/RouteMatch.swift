/// The outcome of `Router.match(method:path:)`.
public enum RouteMatch<Handler> {
    /// A route matched; here are its handler and the decoded path parameters.
    case found(Handler, PathParameters)
    /// The path matched but not the method: answer 405 with `Allow` listing `allow` (sorted,
    /// HEAD included wherever GET is).
    case methodNotAllowed(allow: [String])
    /// No route matches the path (or a parameter did not decode): 404.
    case notFound
}

extension RouteMatch: Sendable where Handler: Sendable {}
extension RouteMatch: Equatable where Handler: Equatable {}
