import HTTP
import Synchronization

/// Whether this process has brought the database's schema up to date (its migrations applied).
/// Set once by `serve` after migrating; read by `/readyz` and, on every `/v1` request, by
/// `SchemaReadinessMiddleware`.
final class SchemaReadiness: Sendable {
    private let current = Atomic<Bool>(false)

    var isCurrent: Bool { current.load(ordering: .acquiring) }

    func markCurrent() { current.store(true, ordering: .releasing) }
}

/// Until the schema is current, a `/v1` request is 503 with `Retry-After`, like a database
/// that cannot be reached (SPEC §2), instead of reaching tables that may not exist yet: on a
/// fresh database a token lookup in that window failed with "relation does not exist", a 500.
/// It comes before authentication, which reads the tokens' table.
struct SchemaReadinessMiddleware: RequestHook {
    let readiness: SchemaReadiness

    func before(_ request: Request, context: inout APIRequestContext) throws {
        guard !readiness.isCurrent, request.path.hasPrefix("/v1/") || request.path == "/v1" else { return }
        throw Problem.unavailable("The database's schema is not yet in place; retry shortly.", retryAfterSeconds: 2)
    }
}
