import Foundation
import JSON
import Testing

/// Writes that state no `at` mean "now", and are never refused as earlier than what they follow,
/// however many arrive at once through two processes: the clock is read on arrival, before the
/// row is locked, and a concurrent request may commit a later time in between (SPEC §4, §6).
@Suite struct UnstatedTimeRaceAPITests {
    /// Runs `count` requests at once, alternating between two servers; their statuses.
    static func concurrently(_ count: Int, _ servers: [ServerProcess],
                             _ send: @escaping @Sendable (Int, ServerProcess) async throws -> APIResponse) async throws -> [Int] {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<count { group.addTask { try await send(index, servers[index % servers.count]).status } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test func teamReportsWithoutATimeAreNeverTooEarly() async throws {
        let scene = try await DispatchScene.start()
        let second = try DispatchRaceAPITests.secondServer(scene)
        defer { _ = second.stop() }
        try await scene.availableTeam("t", base: (45, -93))
        let statuses = try await Self.concurrently(16, [scene.server, second]) { index, server in
            // Every report moves the team, and every other one changes its status too.
            let status: JSONValue = index.isMultiple(of: 2) ? "off_duty" : "available"
            return try await scene.report("t", ["status": status, "location": ["lat": 45, "lon": .double(-93 + Double(index) / 100)]], via: server)
        }
        #expect(statuses == Array(repeating: 200, count: 16))
    }

    @Test func dispatchStepsWithoutATimeAreNeverTooEarly() async throws {
        let scene = try await DispatchScene.start()
        let second = try DispatchRaceAPITests.secondServer(scene)
        defer { _ = second.stop() }
        try await scene.contact("c")
        var assigned: [Int64] = []
        for index in 0..<6 {
            try await scene.availableTeam("t\(index)", base: (45, -93))
            assigned.append(try #require(try await scene.dispatch("c", team: "t\(index)").dispatchID))
        }
        let dispatches = assigned
        // Every step of each dispatch at once: whichever order they take, each is legal (200) or
        // illegal after another (409), and cancelling or completing closes the dispatch.
        let steps: [JSONValue] = ["en_route", "on_scene", "completed", "cancelled"]
        let statuses = try await Self.concurrently(24, [scene.server, second]) { index, server in
            try await server.request("POST", "/v1/dispatches/\(dispatches[index / 4])/events", token: scene.token("dispatcher"),
                                     json: ["type": steps[index % 4]])
        }
        #expect(Set(statuses).isSubset(of: [200, 409]), "\(statuses)")
        #expect(try scene.sql("SELECT count(*) FROM dispatches WHERE contact_id = '\(scene.id("c"))' AND status IN ('completed', 'cancelled')") == "6")
    }

    @Test func followUpAttemptsWithoutATimeAreNeverTooEarly() async throws {
        let fixture = try await FixtureCache.events.get()
        // Enough attempts that none closes the follow-up: every one of them must be recorded.
        let servers = try (0..<2).map { _ in
            try ServerProcess(database: fixture.database, extraEnvironment: ["LODESTAR_FOLLOW_UP_MAX_ATTEMPTS": "100"])
        }
        defer { for server in servers { _ = server.stop() } }
        let contact = try await FollowUpAPITests.contact(fixture)
        let id = try #require(try await FollowUpAPITests.create(fixture, ["contact_id": .string(contact), "within": "PT4H"])["id"]?.stringValue)
        let statuses = try await Self.concurrently(8, servers) { _, server in
            try await server.request("POST", "/v1/follow-ups/\(id)/attempts", token: fixture.token("dispatcher"), json: ["outcome": "no_answer"])
        }
        #expect(statuses == Array(repeating: 200, count: 8))
        #expect(try fixture.database.sql("SELECT count(*) FROM follow_up_attempts WHERE follow_up_id = '\(id)'") == "8")
    }
}
