import Foundation
import JSON
import Testing

/// Two `lodestar serve` processes on one database: a team is never booked twice, and a freed
/// team takes exactly one queued dispatch, however the requests interleave.
@Suite struct DispatchRaceAPITests {
    /// A second server process on the dispatch fixture's database.
    static func secondServer(_ scene: DispatchScene) throws -> ServerProcess {
        try ServerProcess(database: scene.fixture.database, extraEnvironment: ["LODESTAR_TOKEN_CACHE_SECONDS": "0"])
    }

    @Test func fiftyRequestsForOneTeamThroughTwoProcessesBookItOnce() async throws {
        let scene = try await DispatchScene.start()
        let second = try Self.secondServer(scene)
        try await scene.availableTeam("t", base: (45, -93))
        try await scene.contact("c")
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<50 {
                group.addTask { try await scene.dispatch("c", team: "t", via: index.isMultiple(of: 2) ? nil : second).status }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 201 }.count == 1)
        #expect(statuses.filter { $0 == 409 }.count == 49)

        let team = scene.id("t")
        #expect(try scene.sql("SELECT count(*) FROM dispatches WHERE team_id = '\(team)'") == "1")
        for server in [scene.server, second] {
            let board = try await server.request("GET", "/v1/dispatches?status=open&limit=1000", token: scene.token("dispatcher"))
            #expect(board.json?["dispatches"]?.arrayValue?.filter { $0["team_id"] == .string(team) }.count == 1)
            #expect(try await server.request("GET", "/v1/teams/\(team)", token: scene.token("dispatcher")).json?["status"] == "busy")
        }
        #expect(second.stop() == 0)
    }

    @Test func aFreedTeamTakesExactlyOneOfSeveralQueuedDispatches() async throws {
        let scene = try await DispatchScene.start()
        try await scene.offDutyTeam("t", base: (45, -93))
        let second = try Self.secondServer(scene)
        try await scene.contact("c")
        var queued: [Int64] = []
        for minute in 0..<6 {
            queued.append(try #require(try await scene.dispatch("c", at: "2026-11-26T10:0\(minute):00Z", via: minute.isMultiple(of: 2) ? nil : second).dispatchID))
        }
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<20 {
                group.addTask { try await scene.report("t", ["status": "available"], via: index.isMultiple(of: 2) ? nil : second).status }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        // The first report frees the team, which takes the oldest dispatch at once; the team is
        // busy for every later one.
        #expect(statuses.filter { $0 == 200 }.count == 1)
        #expect(statuses.filter { $0 == 409 }.count == 19)
        let assigned = try scene.sql("SELECT string_agg(id::text, ',' ORDER BY id) FROM dispatches WHERE contact_id = '\(scene.id("c"))' AND status = 'assigned'")
        #expect(assigned == String(queued[0]))
        #expect(try scene.sql("SELECT count(*) FROM dispatches WHERE contact_id = '\(scene.id("c"))' AND status = 'requested'") == "5")
        #expect(try scene.sql("SELECT status FROM teams WHERE team_id = '\(scene.id("t"))'") == "busy")
        #expect(second.stop() == 0)
    }
}
