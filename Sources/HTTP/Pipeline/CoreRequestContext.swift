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

/// The route a request matched: its registered pattern, what it declared about its callers and
/// the values of its `{name}` segments.
public struct MatchedRoute<Access: Sendable>: Sendable {
    /// The pattern as registered, e.g. `/v1/contacts/{contact_id}`.
    public let pattern: String
    /// What the route declared at registration (e.g. the roles it allows).
    public let access: Access
    public let parameters: PathParameters
}
