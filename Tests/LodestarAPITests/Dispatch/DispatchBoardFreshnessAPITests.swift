import Foundation
import JSON
import Testing

extension FixtureCache {
    /// A dispatch server of its own, so that only this suite's writes change its board: a page
    /// either process rendered earlier is then still kept, unless the change under test moved it.
    static let board = FixtureCache(environment: ["LODESTAR_ETA_SPEED_KMH": "55"])
}

/// The board keeps the pages it rendered while nothing they show changed: a change made through
/// any process sharing the database (a dispatch, its contact's region, a region's target) is on
/// the very next page every process shows.
@Suite(.serialized) struct DispatchBoardFreshnessAPITests {
    /// The scene's dispatch `id` as `server` shows it on the open board's first page.
    static func entry(_ id: Int64, on server: ServerProcess, _ scene: DispatchScene) async throws -> JSONValue? {
        let page = try await server.request("GET", "/v1/dispatches", token: scene.token("dispatcher"))
        #expect(page.status == 200)
        return page.json?["dispatches"]?.arrayValue?.first { $0["id"]?.intValue == id }
    }

    @Test func aChangeThroughOneProcessIsOnTheNextPageOfEvery() async throws {
        let scene = DispatchScene(fixture: try await FixtureCache.board.get(), tag: uniqueID("cap"))
        let second = try DispatchRaceAPITests.secondServer(scene)
        let servers = [scene.server, second]
        let region = scene.id("r")
        let admin = scene.token("admin")
        func describe(target: Int, via server: ServerProcess) async throws -> Int {
            try await server.request("PUT", "/v1/regions/\(region)", token: admin,
                                     json: ["name": "R", "type": "rural", "timezone": "UTC", "response_target_minutes": .int(Int64(target))]).status
        }
        #expect(try await describe(target: 30, via: scene.server) == 201)
        try await scene.offDutyTeam("t", base: (45, -93))
        try await scene.contact("c", region: region)
        let id = try #require(try await scene.dispatch("c", via: second).dispatchID)
        for server in servers { #expect(try await Self.entry(id, on: server, scene)?["target_minutes"] == 30) }

        // The region's target, changed through the second process.
        #expect(try await describe(target: 45, via: second) == 200)
        for server in servers { #expect(try await Self.entry(id, on: server, scene)?["target_minutes"] == 45) }

        // The contact's region, refined by an event posted to the first: an undescribed region.
        let refined: JSONValue = ["event_id": .string(scene.id("a")), "type": "contact.assessed", "contact_id": .string(scene.id("c")),
                                  "occurred_at": "2026-11-26T16:50:00Z", "data": ["risk_level": "low", "region": .string(scene.id("elsewhere"))]]
        #expect(try await scene.server.request("POST", "/v1/events", token: scene.token("ingest"), json: refined).status == 200)
        for server in servers { #expect(try await Self.entry(id, on: server, scene)?["target_minutes"] == 60) }

        // The team takes it from the queue, reporting through the second; a step through the first.
        #expect(try await scene.report("t", ["status": "available"], via: second).json?["status"] == "busy")
        for server in servers { #expect(try await Self.entry(id, on: server, scene)?["status"] == "assigned") }
        #expect(try await scene.step(id, ["type": "cancelled"]).status == 200)
        for server in servers { #expect(try await Self.entry(id, on: server, scene) == nil) }
        #expect(second.stop() == 0)
    }
}
