import HTTP
import LodestarCore

/// The context of an API request: the server's facts (request id, matched route, path
/// parameters) and the principal the bearer token speaks for.
struct APIRequestContext: RequestContext {
    /// A handler asked for the principal on a route registered without roles: a programming
    /// error, answered 500 and logged by this type's name.
    struct NoPrincipal: Error {}

    var core: CoreRequestContext<RouteAccess>
    /// Set by `AuthenticationMiddleware` on every route that declares roles.
    var identity: Principal?

    init(core: CoreRequestContext<RouteAccess>) {
        self.core = core
    }

    /// The authenticated caller of a route that declares roles.
    var principal: Principal {
        get throws(NoPrincipal) {
            guard let identity else { throw NoPrincipal() }
            return identity
        }
    }
}
