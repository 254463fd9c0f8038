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

    func before(_ request: Request, context: inout APIRequestContext) async throws {
        let authorizations = request.head.headers.count(of: "Authorization")
        guard authorizations <= 1 else { throw Problem.badRequest("Send one Authorization header, not \(authorizations).") }
        let allowed: Set<Role>?
        switch context.route?.access {
        case .anyone?: return
        case .roles(let roles)?: allowed = roles
        case nil:
            guard Self.isUnderV1(request.path) else { return }
            allowed = nil
        }
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
