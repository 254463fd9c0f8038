import HTTP
import LodestarStore
import Loop

/// Answers a database that cannot be reached with 503 and `Retry-After` rather than a 500
/// (SPEC §2), whichever step met it: token lookup or handler. The pool reconnects by itself.
struct DatabaseOutageMiddleware: Middleware {
    func handle(_ request: Request, context: APIRequestContext, next: MiddlewareNext<APIRequestContext>) async throws -> Response {
        do {
            return try await next(request, context)
        } catch where isDatabaseUnavailable(error) {
            throw Problem.unavailable("The database cannot be reached; retry shortly.", retryAfterSeconds: 2)
        }
    }
}
