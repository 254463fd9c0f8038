/// What the server knows about a request besides its head and body: the route it matched and
/// its id. Every `RequestContext` holds one.
public struct CoreRequestContext<Access: Sendable>: Sendable {
    /// Set by `RequestIDMiddleware`; empty in a pipeline without it.
    public internal(set) var requestID: String = ""
    /// The route that matched method and path; nil when none did.
    public let route: MatchedRoute<Access>?

    init(route: MatchedRoute<Access>?) {
        self.route = route
    }
}
