import Foundation
import JSON
import Testing

/// `{"type": "assigned"}` without `team_id` (SPEC §4): the transition is checked first (409 with
/// the allowed steps), then the best available team is chosen as for a new dispatch, under the
/// same lock (never two dispatches for one team), or 409 when none fits.
@Suite struct AssignedStepAPITests {
    /// Every assessment asks for a youth-capable team that a dispatcher assigns (`auto_assign:
    /// false`): the queue never takes such a dispatch, so teams stay free beside it.
    static let manualRuleset: JSONValue = [
        "name": "dispatcher assigns",
        "rules": [["id": "all", "when": ["all": []],
                   "then": ["action": "dispatch_mobile_team", "priority": "urgent", "requires": ["youth"]]]],
        "dispatch": ["auto_assign": false],
    ]

    static func putTeam(_ scene: RoutingScene, _ id: String, capabilities: [String], regions: [String], base: (Double, Double)) async throws {
        #expect(try await scene.server.request("PUT", "/v1/teams/\(id)", token: scene.token("admin"), json: [
            "name": .string(id), "capabilities": .array(capabilities.map(JSONValue.string)), "regions": .array(regions.map(JSONValue.string)),
            "base": ["lat": .double(base.0), "lon": .double(base.1)],
        ]).status == 201)
    }

    /// A contact in region north at (45, -93), assessed: its dispatch, left requested.
    static func manualDispatch(_ scene: RoutingScene, _ contact: String) async throws -> Int64 {
        let response = try await scene.post([
            RoutingScene.received(contact, at: "2026-11-26T16:40:00Z", region: "north", location: (45.0, -93.0)),
            RoutingScene.assessed(contact, "a1", at: "2026-11-26T16:45:00Z", risk: "high"),
        ])
        let dispatch = try #require(RoutingScene.decision(response, "\(contact)-a1")?["dispatch"])
        #expect(dispatch["team_id"] == nil)
        return try #require(dispatch["id"]?.intValue)
    }

    static func assign(_ id: Int64, _ scene: RoutingScene, via server: ServerProcess? = nil) async throws -> APIResponse {
        try await (server ?? scene.server).request("POST", "/v1/dispatches/\(id)/events", token: scene.token("dispatcher"), json: ["type": "assigned"])
    }

    @Test func theBestAvailableTeamIsChosenOnceAndThenNoneIsAvailable() async throws {
        let scene = try await RoutingScene.start()
        let version = try #require(try await scene.server.request("POST", "/v1/rulesets", token: scene.token("admin"), json: Self.manualRuleset).json?["version"])
        #expect(try await scene.server.request("POST", "/v1/rulesets/\(version)/activate", token: scene.token("admin")).status == 200)
        try await Self.putTeam(scene, "near-no-youth", capabilities: [], regions: ["north"], base: (45.01, -93.0))
        try await Self.putTeam(scene, "near-other-region", capabilities: ["youth"], regions: ["south"], base: (45.02, -93.0))
        try await Self.putTeam(scene, "far", capabilities: ["youth"], regions: ["north"], base: (45.1, -93.0))
        try await Self.putTeam(scene, "farther", capabilities: ["youth"], regions: [], base: (45.3, -93.0))

        // Capabilities, region, then the shortest ETA.
        let first = try await Self.manualDispatch(scene, "c1")
        let assigned = try await Self.assign(first, scene)
        #expect(assigned.status == 200)
        #expect(assigned.json?["status"] == "assigned" && assigned.json?["team_id"] == "far")
        #expect(assigned.json?["eta_minutes"]?.doubleValue != nil && assigned.json?["assigned_at"]?.stringValue != nil)
        #expect(try scene.sql("SELECT status FROM teams WHERE team_id = 'far'") == "busy")
        #expect(try scene.sql("SELECT detail->>'by' FROM audit_log WHERE action = 'dispatch.assigned' AND resource = 'dispatch/\(first)'") == "best_available")
        // Assigned already: the transition is refused before any team is looked for.
        let again = try await Self.assign(first, scene)
        #expect(again.status == 409 && again.json?["allowed"] == ["en_route", "cancelled"] && again.json?["dispatch_status"] == "assigned")

        // Two dispatches asking at once, through two processes, for the one fitting team left.
        let second = try ServerProcess(database: scene.fixture.database, extraEnvironment: ["LODESTAR_TOKEN_CACHE_SECONDS": "0"])
        defer { _ = second.stop() }
        let waiting = [try await Self.manualDispatch(scene, "c2"), try await Self.manualDispatch(scene, "c3")]
        async let one = Self.assign(waiting[0], scene)
        async let other = Self.assign(waiting[1], scene, via: second)
        let answers = try await [one, other]
        #expect(answers.map(\.status).sorted() == [200, 409])
        #expect(answers.first { $0.status == 200 }?.json?["team_id"] == "farther")
        let refused = try #require(answers.first { $0.status == 409 })
        #expect(refused.json?["dispatch_status"] == "requested")
        #expect(refused.json?["detail"]?.stringValue?.contains("No team is available") == true)
        #expect(try scene.sql("SELECT count(*) FROM dispatches WHERE team_id = 'farther'") == "1")
        #expect(try scene.sql("SELECT count(*) FROM dispatches WHERE id IN (\(waiting[0]), \(waiting[1])) AND status = 'requested' AND team_id IS NULL") == "1")
    }
}
