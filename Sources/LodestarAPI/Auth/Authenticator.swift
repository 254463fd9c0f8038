import HTTP
import LodestarCore
import LodestarStore
import Loop

/// Resolves bearer tokens to principals, with a short in-memory cache.
///
/// Every `/v1` request needs its token checked; asking PostgreSQL each time would add a round
/// trip to every request. Entries live `ttl` (5 s): a revoked token stops working within that
/// time in every process. Tokens are kept only in this process's memory, never logged.
@LoopActor
final class Authenticator {
    private let tokens: TokenStore
    private let ttl: Duration
    private var cache: [String: (principal: Principal?, expires: ContinuousClock.Instant)] = [:]

    init(tokens: TokenStore, ttl: Duration = .seconds(5)) {
        self.tokens = tokens
        self.ttl = ttl
    }

    /// The principal for the request's bearer token; 401 without a valid one.
    func authenticate(_ request: Request) async throws -> Principal {
        guard let token = BearerToken.from(request) else {
            throw Problem(status: 401, detail: "A bearer token is required.", headers: [("WWW-Authenticate", "Bearer")])
        }
        guard let principal = try await principal(for: token) else {
            throw Problem(status: 401, detail: "The bearer token is not valid.", headers: [("WWW-Authenticate", "Bearer error=\"invalid_token\"")])
        }
        return principal
    }

    private func principal(for token: String) async throws -> Principal? {
        let now = ContinuousClock.now
        if let cached = cache[token], cached.expires > now { return cached.principal }
        let found = try await tokens.principal(for: token)
        if cache.count > 10_000 { cache.removeAll(keepingCapacity: true) }
        cache[token] = (found, now.advanced(by: ttl))
        return found
    }
}
