/// The outcome of `Router.match(method:path:)`.
public enum RouteMatch<Handler> {
    /// A route matched; here are its handler, the decoded path parameters and the pattern the
    /// route was registered with (`/v1/contacts/{contact_id}`), which names the route in logs and
    /// metrics where the raw path may not appear.
    case found(Handler, PathParameters, pattern: String)
    /// The path matched but not the method: answer 405 with `Allow` listing `allow` (sorted,
    /// HEAD included wherever GET is).
    case methodNotAllowed(allow: [String])
    /// No route matches the path (or a parameter did not decode): 404.
    case notFound
}

extension RouteMatch: Sendable where Handler: Sendable {}
extension RouteMatch: Equatable where Handler: Equatable {}
