import HTTP
import LodestarStore
import Loop

/// Answers a database that cannot be reached with 503 and `Retry-After` rather than a 500
/// (SPEC §2), whichever step met it: token lookup or handler. The pool reconnects by itself.
struct DatabaseOutageMiddleware: RequestHook {
    func after(_ request: Request, context: APIRequestContext, start: MonotonicInstant, outcome: inout Result<Response, any Error>) {
        if case .failure(let error) = outcome, isDatabaseUnavailable(error) {
            outcome = .failure(Problem.unavailable("The database cannot be reached; retry shortly.", retryAfterSeconds: 2))
        }
    }
}
