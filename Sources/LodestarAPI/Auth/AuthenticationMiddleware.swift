import HTTP
import LodestarCore
import Loop

/// Authentication and role checks for every request, before routing's verdict is revealed
/// (SPEC §2): without a valid token every `/v1` path is 401, whether or not a route exists, so
/// an unauthenticated client cannot map the API; with one, an unknown path is 404 and a wrong
/// method 405. A route declaring roles answers 403 to any other role. More than one
/// `Authorization` header is 400 on any path: which one would count is ambiguous.
struct AuthenticationMiddleware: AsyncRequestHook {
    let authenticator: Authenticator

    /// Settles what needs no token (public routes, unmatched paths outside `/v1`) without
    /// waiting.
    func needsToWait(_ request: Request, context: inout APIRequestContext) throws -> Bool {
        let authorizations = request.head.headers.count(of: "Authorization")
        guard authorizations <= 1 else { throw Problem.badRequest("Send one Authorization header, not \(authorizations).") }
        switch context.route?.access {
        case .anyone?: return false
        case .roles?: return true
        case nil: return Self.isUnderV1(request.path)
        }
    }

    /// Authenticates the token of a request that needs one, and checks its role against the
    /// route's (an unmatched `/v1` path allows any role, to answer 404 or 405).
    func before(_ request: Request, context: inout APIRequestContext) async throws {
        let allowed: Set<Role>? = if case .roles(let roles)? = context.route?.access { roles } else { nil }
        let principal = try await authenticator.authenticate(request)
        if let allowed, !principal.role.may(allowed) {
            throw Problem(status: 403, detail: "The \(principal.role.rawValue) role may not use this route.")
        }
        context.identity = principal
    }

    /// Whether `path` is `/v1` or below it, where every request needs a token.
    static func isUnderV1(_ path: String) -> Bool {
        path == "/v1" || path.hasPrefix("/v1/")
    }
}
