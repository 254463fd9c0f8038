@testable import LodestarAPI
import LodestarCore
import Testing

/// The token cache keeps lookups only while revocations are heard, and never keeps a lookup
/// that a revocation may have overtaken.
@Suite struct TokenCacheTests {
    let start = ContinuousClock.now
    let manager = Principal(name: "console", role: .manager)
    let ingest = Principal(name: "center-a", role: .ingest)

    func hearing() -> TokenCache {
        var cache = TokenCache(ttl: .seconds(5))
        cache.startHearing()
        return cache
    }

    @Test func nothingIsKeptUntilRevocationsAreHeard() {
        var cache = TokenCache(ttl: .seconds(5))
        cache.keep(manager, for: "t1", lookedUpAt: cache.generation, now: start)
        #expect(cache.lookup("t1", now: start) == nil)
        cache.startHearing()
        cache.keep(manager, for: "t1", lookedUpAt: cache.generation, now: start)
        #expect(cache.lookup("t1", now: start) == .some(manager))
        cache.stopHearing()
        #expect(cache.lookup("t1", now: start) == nil)
    }

    @Test func aLookupLivesForTheTimeToLive() {
        var cache = hearing()
        cache.keep(nil, for: "unknown", lookedUpAt: cache.generation, now: start)
        #expect(cache.lookup("unknown", now: start + .seconds(4)) == .some(nil))
        #expect(cache.lookup("unknown", now: start + .seconds(5)) == nil)
    }

    @Test func aRevocationForgetsThatNameOnly() {
        var cache = hearing()
        cache.keep(manager, for: "t1", lookedUpAt: cache.generation, now: start)
        cache.keep(ingest, for: "t2", lookedUpAt: cache.generation, now: start)
        cache.forget(name: "console")
        #expect(cache.lookup("t1", now: start) == nil)
        #expect(cache.lookup("t2", now: start) == .some(ingest))
    }

    @Test func aLookupOvertakenByARevocationIsNotKept() {
        var cache = hearing()
        let began = cache.generation
        cache.forget(name: "console")
        cache.keep(manager, for: "t1", lookedUpAt: began, now: start)
        #expect(cache.lookup("t1", now: start) == nil)
    }

    @Test func hearingAgainForgetsWhatWasKeptBefore() {
        var cache = hearing()
        cache.keep(manager, for: "t1", lookedUpAt: cache.generation, now: start)
        cache.startHearing()
        #expect(cache.lookup("t1", now: start) == nil)
    }
}
