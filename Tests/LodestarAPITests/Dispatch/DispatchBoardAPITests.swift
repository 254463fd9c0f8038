import Foundation
import JSON
import Testing

/// `GET /v1/dispatches`: the board's order, timing and pages, and the contact's dispatches.
@Suite struct DispatchBoardAPITests {
    static let minute: TimeInterval = 60

    static func ago(_ minutes: Double) -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: Date().addingTimeInterval(-minutes * minute))
    }

    /// The scene's entries of a listing, in the listing's order, following `next` to the end.
    static func entries(_ scene: DispatchScene, _ path: String, ids: Set<Int64>) async throws -> [JSONValue] {
        var found: [JSONValue] = []
        var next: String? = path
        while let page = next {
            let response = try await scene.get(page)
            #expect(response.status == 200)
            found += (response.json?["dispatches"]?.arrayValue ?? []).filter { ids.contains($0["id"]?.intValue ?? 0) }
            next = response.json?["next"]?.stringValue
        }
        return found
    }

    /// A dispatch carries its contact, outcome and law-enforcement involvement: every read of
    /// one, and every page of the board shown (kept pages too), writes its audit row (SPEC §8).
    @Test func everyReadOfADispatchIsAudited() async throws {
        let scene = try await DispatchScene.start()
        let reader = uniqueID("reader")
        let token = try LodestarBinary.createToken(role: "dispatcher", name: reader, database: scene.fixture.database)
        let contact = try await scene.contact("c")
        // Emergent and long requested: first on the queued board, whatever other tests queue.
        let id = try #require(try await scene.dispatch("c", priority: "emergent", at: "2020-01-01T00:00:00Z").dispatchID)

        #expect(try await scene.server.request("GET", "/v1/dispatches/\(id)", token: token).status == 200)
        #expect(try await scene.server.request("GET", "/v1/dispatches/999999999", token: token).status == 404)
        for _ in 0..<2 {
            let board = try await scene.server.request("GET", "/v1/dispatches?status=queued&limit=10", token: token)
            #expect(board.json?["dispatches"]?[0]?["id"]?.intValue == id, "\(board.text)")
        }

        func count(_ condition: String) throws -> String {
            try scene.sql("SELECT count(*) FROM audit_log WHERE actor = '\(reader)' AND \(condition)")
        }
        #expect(try count("action = 'dispatch.read' AND resource = 'dispatch/\(id)' AND detail->>'found' = 'true' AND detail->>'contact_id' = '\(contact)'") == "1")
        #expect(try count("action = 'dispatch.read' AND resource = 'dispatch/999999999' AND detail->>'found' = 'false'") == "1")
        #expect(try count("""
            action = 'dispatch.list' AND resource = 'dispatches' AND detail->>'status' = 'queued' \
            AND detail->'dispatches' @> '[\(id)]' AND detail->'contacts' @> '["\(contact)"]'
            """) == "2")
        #expect(try count("true") == "4")
    }

    @Test func theBoardShowsEmergentFirstThenOldestWithTheirRegionsTargets() async throws {
        let scene = try await DispatchScene.start()
        let region = scene.id("fast")
        #expect(try await scene.server.request("PUT", "/v1/regions/\(region)", token: scene.token("admin"),
                                               json: ["name": "Fast", "type": "urban", "timezone": "UTC", "response_target_minutes": 30]).status == 201)
        try await scene.contact("fast", region: region)
        try await scene.contact("nowhere")
        let late = try #require(try await scene.dispatch("fast", at: Self.ago(45)).dispatchID)
        let fresh = try #require(try await scene.dispatch("nowhere", at: Self.ago(5)).dispatchID)
        let emergent = try #require(try await scene.dispatch("nowhere", priority: "emergent", at: Self.ago(1)).dispatchID)
        let old = try #require(try await scene.dispatch("nowhere", priority: "routine", at: Self.ago(90)).dispatchID)
        let done = try #require(try await scene.dispatch("nowhere", at: Self.ago(3)).dispatchID)
        #expect(try await scene.step(done, ["type": "cancelled"]).status == 200)

        let ids: Set<Int64> = [late, fresh, emergent, old, done]
        let board = try await Self.entries(scene, "/v1/dispatches?status=open&limit=2", ids: ids)
        // Emergent first, then oldest requested whatever the priority: the routine request
        // waiting 90 minutes comes before the urgent ones of 45 and 5 minutes ago.
        #expect(board.compactMap { $0["id"]?.intValue } == [emergent, old, late, fresh])
        let lateEntry = try #require(board.first { $0["id"]?.intValue == late })
        #expect(lateEntry["target_minutes"] == 30 && lateEntry["breached"] == true)
        #expect(abs((lateEntry["elapsed_minutes"]?.doubleValue ?? 0) - 45) < 1)
        let freshEntry = try #require(board.first { $0["id"]?.intValue == fresh })
        #expect(freshEntry["target_minutes"] == 60 && freshEntry["breached"] == false)
        #expect(board.first { $0["id"]?.intValue == old }?["breached"] == true)
        #expect(try await Self.entries(scene, "/v1/dispatches", ids: ids).count == 4)

        let closed = try await Self.entries(scene, "/v1/dispatches?status=closed", ids: ids)
        #expect(closed.compactMap { $0["id"]?.intValue } == [done])
        #expect(closed.first?["breached"] == false)
        #expect(try await Self.entries(scene, "/v1/dispatches?status=queued", ids: ids).count == 4)
    }

    @Test func badListParametersAre422() async throws {
        let scene = try await DispatchScene.start()
        let response = try await scene.get("/v1/dispatches?status=pending&limit=5000&after=x")
        #expect(response.errorPaths.sorted() == ["after", "limit", "status"])
    }

    @Test func aContactListsItsDispatchesWithTheirSteps() async throws {
        let scene = try await DispatchScene.start()
        try await scene.availableTeam("t", base: (45, -93))
        let contact = try await scene.contact("c")
        let id = try #require(try await scene.dispatch("c", at: "2026-11-26T17:00:00Z").dispatchID)
        #expect(try await scene.step(id, ["type": "en_route", "at": "2026-11-26T17:01:00Z"]).status == 200)
        let view = try await scene.server.request("GET", "/v1/contacts/\(contact)", token: scene.token("manager"))
        let dispatch = try #require(view.json?["dispatches"]?[0])
        #expect(dispatch["id"]?.intValue == id && dispatch["status"] == "en_route")
        #expect(dispatch["steps"] == [
            ["type": "requested", "at": "2026-11-26T17:00:00.000Z"],
            ["type": "assigned", "at": "2026-11-26T17:00:00.000Z", "team_id": .string(scene.id("t"))],
            ["type": "en_route", "at": "2026-11-26T17:01:00.000Z"],
        ])
    }

    /// A team may be sent before the call-centre's events arrive: the contact is then known by
    /// its dispatch, and reading it shows the dispatch; its region follows its first event.
    @Test func aDispatchForAContactWithoutEventsShowsUnderTheContact() async throws {
        let scene = try await DispatchScene.start()
        try await scene.availableTeam("t", base: (45, -93))
        let contact = scene.id("early")
        #expect(try await scene.server.request("GET", "/v1/contacts/\(contact)", token: scene.token("manager")).status == 404)
        let created = try await scene.dispatch("early", at: "2026-11-26T17:00:00Z")
        #expect(created.status == 201)
        let id = try #require(created.dispatchID)
        let view = try await scene.server.request("GET", "/v1/contacts/\(contact)", token: scene.token("manager"))
        #expect(view.status == 200)
        #expect(view.json?["dispatches"]?[0]?["id"]?.intValue == id)
        #expect(view.json?["timeline"] == [])
        #expect(view.json?["state"]?["received_at"] == .null)
        _ = try await scene.contact("early", region: "north")
        #expect(try scene.sql("SELECT region FROM dispatches WHERE id = \(id)") == "north")
    }
}
