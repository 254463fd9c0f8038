import HTTP
import LodestarCore
import LodestarStore
import Logging
import Loop

/// What route handlers need: settings, the stores and the authenticator.
@LoopActor
final class APIContext {
    let settings: APISettings
    let authenticator: Authenticator
    let events: EventStore
    let contacts: ContactStore
    let audit: AuditLog
    let database: Database
    let logger: Logger
    /// Set once migrations have been applied; `/readyz` waits for it.
    var isMigrated = false

    init(settings: APISettings, database: Database, logger: Logger) {
        self.settings = settings
        self.database = database
        self.authenticator = Authenticator(tokens: database.tokens, ttl: settings.tokenCacheTTL)
        self.events = database.events
        self.contacts = database.contacts
        self.audit = database.audit
        self.logger = logger
    }

    /// Wraps an authenticated handler: 401/403 before it runs, and a database that cannot be
    /// reached answered with 503 and `Retry-After` rather than a 500.
    nonisolated func route(allowed: Set<Role>, _ body: @escaping @Sendable @LoopActor (Request, Principal) async throws -> Response) -> Handler {
        { [self] request in
            do {
                let principal = try await authenticator.authorize(request, allowed: allowed)
                return try await body(request, principal)
            } catch where isDatabaseUnavailable(error) {
                throw Problem.unavailable("The database cannot be reached; retry shortly.", retryAfterSeconds: 2)
            }
        }
    }
}

/// Limits and defaults of the API (SPEC §2: all configurable).
public struct APISettings: Sendable {
    public var maxEventsPerBatch: Int
    /// How long a token lookup is reused; a revoked token works at most this long after.
    public var tokenCacheTTL: Duration

    public init(maxEventsPerBatch: Int = 1000, tokenCacheTTL: Duration = .seconds(5)) {
        self.maxEventsPerBatch = maxEventsPerBatch
        self.tokenCacheTTL = tokenCacheTTL
    }
}
