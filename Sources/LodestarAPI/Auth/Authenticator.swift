import HTTP
import LodestarCore
import LodestarStore
import Loop

/// Resolves bearer tokens to principals, with an in-memory cache (`TokenCache`).
///
/// Every `/v1` request needs its token checked; asking PostgreSQL each time would add a round
/// trip to every request. A revocation is announced to every process as it commits, and the
/// token is dropped from this one's cache when the announcement arrives. Lookups are kept
/// only while this process listens for revocations (before it first does, every request asks
/// the database), everything kept is dropped when its listening connection comes back after
/// a break, and the time to live bounds a revocation lost without a sign. Tokens are kept
/// only in this process's memory, never logged.
@LoopActor
final class Authenticator {
    private let tokens: TokenStore
    private var cache: TokenCache
    private var listening: Task<Void, Never>?

    init(tokens: TokenStore, ttl: Duration = .seconds(5)) {
        self.tokens = tokens
        cache = TokenCache(ttl: ttl)
    }

    /// Starts listening for revocations (retrying while the database is down); nothing is
    /// cached until the server listens.
    func start() {
        guard listening == nil else { return }
        listening = EventLoop.shared.task { [weak self] in await self?.followRevocations() }
    }

    func stop() {
        listening?.cancel()
        listening = nil
        cache.stopHearing()
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
        if let cached = cache.lookup(token, now: now) { return cached }
        let generation = cache.generation
        let found = try await tokens.principal(for: token)
        cache.keep(found, for: token, lookedUpAt: generation, now: now)
        return found
    }

    private func followRevocations() async {
        await followNotifications({ try await tokens.revocations() }, listening: { cache.startHearing() }, each: { revocation in
            switch revocation {
            case .revoked(let name): cache.forget(name: name)
            case .mayHaveMissed: cache.forgetAll()
            }
        })
        cache.stopHearing()  // the pool closed, or this was stopped
    }
}
