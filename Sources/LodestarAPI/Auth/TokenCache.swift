import LodestarCore

/// Token lookups kept for a while, so that a request needs no database round trip to be
/// authenticated; a pure value, told the time.
///
/// Lookups are kept only while revocations are heard as they commit (from `startHearing` to
/// `stopHearing`), and a heard revocation drops its token (`forget(name:)`). The time to live
/// bounds how long a revocation that went unheard unnoticed (a listening connection broken
/// without a word yet) keeps a token working.
struct TokenCache {
    typealias Instant = ContinuousClock.Instant

    let ttl: Duration
    private var entries: [String: (principal: Principal?, expires: Instant)] = [:]
    private var isHearing = false
    /// Bumped by every forgetting: a lookup that began before it may have read a token that
    /// has since been revoked, so its result is answered but not kept.
    private(set) var generation: UInt64 = 0
    /// Beyond this many tokens the cache starts over, so that random tokens cannot grow it.
    static let capacity = 10_000

    init(ttl: Duration) { self.ttl = ttl }

    /// The kept lookup of `token` (a principal, or nil for a token that is not valid), or nil
    /// when there is none still alive at `now`.
    func lookup(_ token: String, now: Instant) -> Principal?? {
        guard let entry = entries[token], entry.expires > now else { return nil }
        return .some(entry.principal)
    }

    /// Keeps a lookup made at `now` that began when the cache was at `generation`, if
    /// revocations have been heard all along since.
    mutating func keep(_ principal: Principal?, for token: String, lookedUpAt generation: UInt64, now: Instant) {
        guard isHearing, generation == self.generation else { return }
        if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
        entries[token] = (principal, now.advanced(by: ttl))
    }

    /// Revocations are heard from now on; earlier ones were not, so nothing kept before stands.
    mutating func startHearing() {
        forgetAll()
        isHearing = true
    }

    /// Revocations are no longer heard: nothing is kept until they are again.
    mutating func stopHearing() {
        isHearing = false
        forgetAll()
    }

    /// Forgets the tokens named `name` (it was revoked).
    mutating func forget(name: String) {
        generation += 1
        entries = entries.filter { $0.value.principal?.name != name }
    }

    /// Forgets every token (revocations may have gone unheard).
    mutating func forgetAll() {
        generation += 1
        entries.removeAll(keepingCapacity: true)
    }
}
