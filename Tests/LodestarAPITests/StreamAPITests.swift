import Foundation
import JSON
import Testing

/// `GET /v1/stream` against real servers sharing one database (SPEC §4): a change committed
/// anywhere reaches the clients of every process, and a client that reconnects with
/// `Last-Event-ID` gets what it missed, in order, once.
@Suite struct StreamAPITests {
    /// A change committed by another connection and never numbered, as a Lodestar process that
    /// stopped between its commit and its numbering leaves it: no process is told of it.
    static func appendTeamChange(_ teamID: String, database: TestDatabase) throws {
        try database.sql("INSERT INTO change_log (kind, body) VALUES ('team', jsonb_build_object('team_id', '\(teamID)'))")
    }

    /// A change appended by the fixture's server: a team described there.
    static func describeTeam(_ teamID: String, fixture: ServerFixture) async throws {
        let response = try await fixture.server.request("PUT", "/v1/teams/\(teamID)", token: fixture.token("admin"), json: [
            "name": "Stream", "capabilities": [], "regions": [], "base": ["lat": 45.0, "lon": -93.0],
        ])
        #expect(response.status == 201)
    }

    static func teamID(of event: EventStreamClient.Event) -> String? {
        (try? JSON.parse(Array(event.data.utf8)))?["team_id"]?.stringValue
    }

    /// Found by the periodic pass (every 5 s) of whichever process runs it first.
    @Test func aChangeNoProcessWasToldOfReachesTheClientsOfEveryProcess() async throws {
        let fixture = try await ServerFixture.started()
        let second = try ServerProcess(database: fixture.database)
        defer { _ = second.stop() }
        let first = try await EventStreamClient(port: fixture.server.port, token: fixture.token("dispatcher"))
        let other = try await EventStreamClient(port: second.port, token: fixture.token("manager"))
        #expect(first.status == 200)
        #expect(other.status == 200)
        let team = uniqueID("team")
        try Self.appendTeamChange(team, database: fixture.database)
        for client in [first, other] {
            let event = try await client.next(timeout: 10)
            #expect(event?.name == "team")
            #expect(event.flatMap(Self.teamID) == team)
            #expect(event?.id == "1")
        }
    }

    @Test func aDispatchCreatedThroughOneProcessReachesAClientOfAnother() async throws {
        let fixture = try await ServerFixture.started()
        let second = try ServerProcess(database: fixture.database)
        defer { _ = second.stop() }
        #expect(try await fixture.server.request("PUT", "/v1/teams/s1", token: fixture.token("admin"), json: [
            "name": "S1", "capabilities": [], "regions": [], "base": ["lat": 45.0, "lon": -93.0],
        ]).status == 201)
        #expect(try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"), json: [
            "event_id": "s-c1", "type": "contact.received", "contact_id": "s-c1", "occurred_at": "2026-11-26T10:00:00Z",
            "data": ["channel": "call"],
        ]).status == 200)
        let client = try await EventStreamClient(port: fixture.server.port, token: fixture.token("dispatcher"))
        let created = try await second.request("POST", "/v1/dispatches", token: fixture.token("dispatcher"), json: ["contact_id": "s-c1"])
        #expect(created.status == 201)
        var seen: [EventStreamClient.Event] = []
        while seen.count < 2, let event = try await client.next(timeout: 10) { seen.append(event) }
        let dispatch = try #require(seen.first { $0.name == "dispatch" })
        #expect((try? JSON.parse(Array(dispatch.data.utf8)))?["id"] == created.json?["id"])
        #expect((try? JSON.parse(Array(dispatch.data.utf8)))?["team_id"] == "s1")
        #expect(seen.contains { $0.name == "team" })
    }

    @Test func aClientResumingWithLastEventIDGetsWhatItMissedInOrderOnce() async throws {
        let fixture = try await ServerFixture.started()
        let token = fixture.token("dispatcher")
        let before = try await EventStreamClient(port: fixture.server.port, token: token)
        let seen = (1...3).map { _ in uniqueID("seen") }
        for team in seen { try await Self.describeTeam(team, fixture: fixture) }
        var received: [EventStreamClient.Event] = []
        while received.count < 3, let event = try await before.next(timeout: 10) { received.append(event) }
        #expect(received.compactMap(Self.teamID) == seen)
        let lastID = try #require(received.last?.id)

        // Disconnected while three more changes are committed.
        let missed = (1...3).map { _ in uniqueID("missed") }
        for team in missed { try await Self.describeTeam(team, fixture: fixture) }
        let resumed = try await EventStreamClient(port: fixture.server.port, token: token, lastEventID: lastID)
        var replayed: [EventStreamClient.Event] = []
        while replayed.count < 3, let event = try await resumed.next(timeout: 10) { replayed.append(event) }
        #expect(replayed.compactMap(Self.teamID) == missed)
        let ids = replayed.compactMap { $0.id.flatMap { Int($0) } }
        #expect(ids == ids.sorted() && Set(ids).count == 3)
        // Then live changes follow, and nothing is sent twice.
        let live = uniqueID("live")
        try await Self.describeTeam(live, fixture: fixture)
        let rest = try await resumed.events(within: 3)
        #expect(rest.compactMap(Self.teamID) == [live])
    }

    /// A client that resets its connection while its replay is being written costs its own
    /// connection only: the write fails with EPIPE rather than a SIGPIPE ending the process.
    @Test func aClientResettingDuringItsReplayLeavesTheServerServing() async throws {
        let fixture = try await ServerFixture.started()
        for _ in 1...5 { try await Self.describeTeam(uniqueID("replayed"), fixture: fixture) }
        let head = "GET /v1/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(fixture.token("dispatcher"))\r\n"
            + "Last-Event-ID: 0\r\n\r\n"
        for _ in 1...30 {
            try await fixture.server.sendThenReset(head, pause: .milliseconds(1))
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(fixture.server.process.isRunning)
        #expect(try await fixture.server.request("GET", "/healthz").status == 200)
    }

    @Test func aClientWithoutLastEventIDStartsWithTheNextChange() async throws {
        let fixture = try await ServerFixture.started()
        try await Self.describeTeam(uniqueID("old"), fixture: fixture)
        // Let the old change be numbered before the client connects.
        try await Task.sleep(for: .seconds(1))
        let client = try await EventStreamClient(port: fixture.server.port, token: fixture.token("manager"))
        let fresh = uniqueID("new")
        try await Self.describeTeam(fresh, fixture: fixture)
        let events = try await client.events(within: 3)
        #expect(events.compactMap(Self.teamID) == [fresh])
        // The stream carries contact-level data (dispatches, follow-ups): opening it is audited.
        #expect(try fixture.database.sql(
            "SELECT count(*) FROM audit_log WHERE action = 'stream.read' AND actor = 'test-manager' AND resource = 'stream'") == "1")
    }

    /// An id from before the database was reset, beyond every id the log has given.
    @Test func aClientResumingFromBeyondTheNewestChangeGetsEveryNewChange() async throws {
        let fixture = try await ServerFixture.started()
        let token = fixture.token("dispatcher")
        let watcher = try await EventStreamClient(port: fixture.server.port, token: token)
        try await Self.describeTeam(uniqueID("old"), fixture: fixture)
        // Seen by a client: numbered before the resuming client connects.
        #expect(try await watcher.next(timeout: 10)?.id == "1")

        let resumed = try await EventStreamClient(port: fixture.server.port, token: token, lastEventID: "1000000")
        #expect(resumed.status == 200)
        let fresh = (1...2).map { _ in uniqueID("new") }
        for team in fresh { try await Self.describeTeam(team, fixture: fixture) }
        let events = try await resumed.events(within: 3)
        #expect(events.compactMap(Self.teamID) == fresh)
        #expect(events.compactMap(\.id) == ["2", "3"])
    }

    @Test func theStreamIsForDispatchersAndManagersOnly() async throws {
        let fixture = try await ServerFixture.started()
        #expect(try await EventStreamClient(port: fixture.server.port, token: nil).status == 401)
        #expect(try await EventStreamClient(port: fixture.server.port, token: fixture.token("ingest")).status == 403)
    }
}
