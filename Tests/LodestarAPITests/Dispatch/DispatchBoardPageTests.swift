import JSON
@testable import LodestarAPI
import LodestarCore
@testable import LodestarStore
import Loop
import Testing
import Time

/// A board page rendered once and finished at each request writes exactly what building each
/// entry whole at that moment writes, and keeps pages only for the version they were read at.
@Suite struct DispatchBoardPageTests {
    init() { EventLoop.startInBackground() }

    static let t0 = Timestamp(rfc3339: "2026-11-26T10:00:00Z")!
    static func at(_ minutes: Int64) -> Timestamp { t0.adding(seconds: minutes * 60) }

    /// Dispatches in every shape a page holds: queued, assigned, on scene late, completed,
    /// cancelled, with ids that need escaping and a fraction of a millisecond.
    static func dispatches() throws -> [Dispatch] {
        func new(_ id: Int64, _ contact: String, _ priority: DispatchPriority, requires: [String] = [], minute: Int64) -> Dispatch {
            Dispatch(id: id, request: DispatchRequest(contactID: contact, priority: priority, requires: requires, requestedAt: at(minute)))
        }
        let queued = new(1, "c-\"quoted\"\\1", .emergent, requires: ["youth", "spanish"], minute: 0)
        var assigned = new(2, "c2", .urgent, minute: 1)
        try assigned.record(DispatchStep(.assigned(teamID: "t-2", etaMinutes: 12.345), at: at(1)))
        var late = new(3, "c3", .routine, minute: 2)
        try late.record(DispatchStep(.assigned(teamID: "t-3", etaMinutes: nil), at: at(3)))
        try late.record(DispatchStep(.enRoute, at: at(4)))
        try late.record(DispatchStep(.onScene, at: at(95), lawEnforcementInvolved: false))
        var done = new(4, "c4", .urgent, minute: 3)
        try done.record(DispatchStep(.assigned(teamID: "t-4", etaMinutes: 7), at: at(3)))
        try done.record(DispatchStep(.enRoute, at: at(5)))
        try done.record(DispatchStep(.onScene, at: at(20)))
        try done.record(DispatchStep(.completed(outcome: .transportedVoluntary), at: Timestamp(microseconds: at(40).microseconds + 1), lawEnforcementInvolved: true))
        var cancelled = new(5, "c5", .routine, minute: 4)
        try cancelled.record(DispatchStep(.cancelled, at: at(70)))
        return [queued, assigned, late, done, cancelled]
    }

    /// The page as the route built it before pages were kept: each entry whole, at `now`.
    static func expected(_ page: DispatchPage, now: Timestamp, next: String?) -> [UInt8] {
        var members: [(String, JSONValue)] = [("dispatches", .array(page.entries.map { entry in
            let dispatch = entry.dispatch
            return .object(JSONObject(uniquePairs: dispatch.jsonMembers + [
                ("elapsed_minutes", .double((dispatch.elapsedMinutes(now: now) * 100).rounded() / 100)),
                ("target_minutes", .int(Int64(entry.targetMinutes))),
                ("breached", .bool(dispatch.breached(targetMinutes: entry.targetMinutes, now: now))),
            ]))
        }))]
        if let next { members.append(("next", .string(next))) }
        return JSONValue.object(JSONObject(members)).serialized()
    }

    @Test func aKeptPageWritesWhatTheWholeEntriesWouldAtEachMoment() throws {
        let entries = try Self.dispatches().enumerated().map { DispatchBoardEntry(dispatch: $1, targetMinutes: [30, 60, 90, 120, 45][$0]) }
        let page = DispatchPage(entries: entries, next: DispatchListCursor(rank: 2, requestedAt: Self.at(4), id: 5))
        let rendered = DispatchBoardPage(page, listing: .open)
        #expect(rendered.next == page.next)
        let link = "/v1/dispatches?limit=5&after=\(page.next!.text)"
        for now in [Self.at(20), Self.at(59), Self.at(61), Self.at(200).adding(seconds: 7)] {
            #expect(rendered.json(now: now, next: link) == Self.expected(page, now: now, next: link))
            #expect(rendered.json(now: now, next: nil) == Self.expected(page, now: now, next: nil))
        }
        // The same page shown later: the queued emergent dispatch (target 30) is breached now.
        let early = try JSON.parse(rendered.json(now: Self.at(20), next: nil))
        let later = try JSON.parse(rendered.json(now: Self.at(31), next: nil))
        #expect(early["dispatches"]?[0]?["breached"] == false && later["dispatches"]?[0]?["breached"] == true)
        #expect(early["dispatches"]?[0]?["elapsed_minutes"] == 20.0 && later["dispatches"]?[0]?["elapsed_minutes"] == 31.0)
        #expect(DispatchBoardPage(DispatchPage(entries: [], next: nil), listing: .open).json(now: Self.t0, next: nil) == Array(#"{"dispatches":[]}"#.utf8))
    }

    @Test func minutesAreWrittenAsTheWriterWritesTheRoundedDouble() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, -0.001, 0.004, 0.005, 0.015, 0.1, 0.29, 1, 12.5, 59.99, 60, 99.995, 1e6 + 0.07,
                                1.7e11, 1.8e11, 1e13, 1e15, 1e300, -12.34, .nan, .infinity, -.infinity]
        for _ in 0..<20_000 { values.append(Double.random(in: -1e4...1e7, using: &generator)) }
        for _ in 0..<2_000 { values.append(Double(Int.random(in: -1_000_000...100_000_000, using: &generator)) / 100) }
        for value in values {
            var written: [UInt8] = []
            DispatchBoardPage.appendMinutes(value, to: &written)
            var writer = JSONWriter()
            writer.double((value * 100).rounded() / 100)
            #expect(written == writer.bytes, "\(value)")
        }
    }

    @Test @LoopActor func pagesAreKeptForTheVersionTheyWereReadAtOnly() throws {
        let cache = DispatchBoardCache(maximumPages: 2, maximumBytes: 1 << 20)
        let entries = try Self.dispatches().map { DispatchBoardEntry(dispatch: $0, targetMinutes: 60) }
        let page = DispatchBoardPage(DispatchPage(entries: entries, next: nil), listing: .open)
        let first = DispatchBoardCache.Key(listing: .open, limit: 100, after: nil)
        let second = DispatchBoardCache.Key(listing: .closed, limit: 100, after: nil)
        cache.keep(page, for: first, at: 7)
        #expect(cache.page(first, at: 7) != nil)
        #expect(cache.page(first, at: 8) == nil)
        #expect(cache.page(second, at: 7) == nil)
        // A page read at another version, older or newer, replaces every page of this one.
        cache.keep(page, for: second, at: 6)
        #expect(cache.page(first, at: 7) == nil && cache.page(second, at: 6) != nil)
        cache.keep(page, for: first, at: 6)
        #expect(cache.page(first, at: 6) != nil && cache.page(second, at: 6) != nil)
        // Beyond its bounds it starts over rather than grow.
        cache.keep(page, for: DispatchBoardCache.Key(listing: .queued, limit: 10, after: nil), at: 6)
        #expect(cache.page(first, at: 6) == nil)
        let tight = DispatchBoardCache(maximumPages: 8, maximumBytes: page.byteCount - 1)
        tight.keep(page, for: first, at: 1)
        #expect(tight.page(first, at: 1) == nil)
    }
}
