/// The typed context a request carries through the middleware to its handler, passed explicitly
/// (Hummingbird 2 style).
///
/// An application declares its own context type: the server's facts live in `core`, and the
/// application adds what its middleware fills in (the API's context holds the authenticated
/// principal). Middleware change a context by passing a modified copy to `next`.
public protocol RequestContext: Sendable {
    /// What a route declares about its callers when it is registered (the API: the roles it
    /// allows); `Void` for an application without access control.
    associatedtype Access: Sendable

    /// The context of a request that has just been routed.
    init(core: CoreRequestContext<Access>)

    /// The server's facts about the request.
    var core: CoreRequestContext<Access> { get set }
}

extension RequestContext {
    /// The request id: the client's sane `X-Request-Id` or a generated one (`RequestIDMiddleware`).
    public var requestID: String { core.requestID }

    /// The route that matched method and path; nil when none did (the answer will be 404 or 405).
    public var route: MatchedRoute<Access>? { core.route }

    /// The matched route's path parameters, percent-decoded; empty when no route matched.
    public var parameters: PathParameters { core.route?.parameters ?? PathParameters() }

    /// How logs and metrics name the request's route: its pattern, or `unmatched`. Never the
    /// raw path, which may carry a caller's data (a phone number as a contact id).
    public var routeLabel: String { core.route?.pattern ?? "unmatched" }
}
