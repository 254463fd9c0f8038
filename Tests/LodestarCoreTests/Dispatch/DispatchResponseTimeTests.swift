import LodestarCore
import Testing
import Time

/// The board's elapsed time and breach against the response target.
@Suite struct DispatchResponseTimeTests {
    static let t0 = DispatchLifecycleTests.t0

    @Test func anOpenDispatchBreachesOnceTheTargetHasPassedWithoutATeamOnScene() throws {
        let dispatch = try DispatchLifecycleTests.dispatch(in: .enRoute)
        #expect(dispatch.elapsedMinutes(now: Self.t0.adding(seconds: 90 * 60)) == 90)
        #expect(!dispatch.breached(targetMinutes: 60, now: Self.t0.adding(seconds: 60 * 60)))
        #expect(dispatch.breached(targetMinutes: 60, now: Self.t0.adding(seconds: 60 * 60 + 1)))
    }

    @Test func arrivalStopsTheClockOfTheTarget() throws {
        var dispatch = try DispatchLifecycleTests.dispatch(in: .enRoute)
        try dispatch.record(DispatchStep(.onScene, at: Self.t0.adding(seconds: 45 * 60)))
        #expect(!dispatch.breached(targetMinutes: 60, now: Self.t0.adding(seconds: 300 * 60)))
        #expect(dispatch.breached(targetMinutes: 30, now: Self.t0.adding(seconds: 300 * 60)))
        try dispatch.record(DispatchStep(.completed(outcome: nil), at: Self.t0.adding(seconds: 100 * 60)))
        #expect(dispatch.elapsedMinutes(now: Self.t0.adding(seconds: 999 * 60)) == 100)
    }

    @Test func aCancellationBeforeTheTargetIsNoBreach() throws {
        var dispatch = DispatchLifecycleTests.requested()
        try dispatch.record(DispatchStep(.cancelled, at: Self.t0.adding(seconds: 10 * 60)))
        #expect(!dispatch.breached(targetMinutes: 60, now: Self.t0.adding(seconds: 999 * 60)))
        #expect(dispatch.elapsedMinutes(now: Self.t0.adding(seconds: 999 * 60)) == 10)
    }

    @Test func aDispatchRequestedAheadOfTheClockHasWaitedNothing() {
        let dispatch = DispatchLifecycleTests.requested()
        #expect(dispatch.elapsedMinutes(now: Self.t0.adding(seconds: -120)) == 0)
        #expect(!dispatch.breached(targetMinutes: 60, now: Self.t0.adding(seconds: -120)))
    }

    @Test func listingsNameTheirStatusesAndOrder() {
        #expect(DispatchListing(name: "open")?.statuses == [.requested, .assigned, .enRoute, .onScene])
        #expect(DispatchListing(name: "queued")?.statuses == [.requested])
        #expect(DispatchListing(name: "closed")?.isNewestFirst == true)
        #expect(DispatchListing(name: "en_route") == .status(.enRoute))
        #expect(DispatchListing(name: "en_route")?.isNewestFirst == false)
        #expect(DispatchListing(name: "busy") == nil)
    }
}
