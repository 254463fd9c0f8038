import Foundation
import JSON
import Testing

/// `POST /v1/dispatches`, its steps and `GET /v1/dispatches/{id}`.
@Suite struct DispatchAPITests {
    @Test func aNamedTeamIsAssignedAtTheRequestTimeAndTakenOnlyOnce() async throws {
        let scene = try await DispatchScene.start()
        try await scene.availableTeam("t", base: (45.1, -93.0))
        try await scene.contact("c", location: (45.0, -93.0))
        let created = try await scene.dispatch("c", team: "t", priority: "emergent", at: "2026-11-26T16:45:00Z")
        #expect(created.status == 201)
        let json = try #require(created.json)
        #expect(json.objectValue?.keys == ["id", "contact_id", "status", "priority", "requires", "team_id", "eta_minutes", "requested_at",
                                           "assigned_at", "en_route_at", "on_scene_at", "completed_at", "cancelled_at", "outcome",
                                           "law_enforcement_involved"])
        #expect(json["status"] == "assigned" && json["team_id"] == .string(scene.id("t")) && json["priority"] == "emergent")
        #expect(json["requested_at"] == "2026-11-26T16:45:00.000Z" && json["assigned_at"] == json["requested_at"])
        #expect(abs((json["eta_minutes"]?.doubleValue ?? 0) - 32.01889305254526) < 1e-6)
        #expect(json["en_route_at"] == .null && json["outcome"] == .null && json["law_enforcement_involved"] == .null)
        #expect(try await scene.get("/v1/dispatches/\(created.dispatchID ?? 0)").json == created.json)
        #expect(try await scene.get("/v1/teams/\(scene.id("t"))").json?["status"] == "busy")

        let again = try await scene.dispatch("c", team: "t")
        #expect(again.status == 409)
        #expect(try await scene.dispatch("c", team: "nobody").status == 404)
        try await scene.offDutyTeam("resting", base: (45, -93))
        #expect(try await scene.dispatch("c", team: "resting").status == 409)
        #expect(try scene.sql("SELECT count(*) FROM dispatches WHERE contact_id = '\(scene.id("c"))'") == "1")
    }

    @Test func theBestTeamHasTheCapabilitiesCoversTheRegionAndArrivesFirst() async throws {
        let scene = try await DispatchScene.start()
        try await scene.availableTeam("near-no-youth", regions: ["north"], base: (45.01, -93.0))
        try await scene.availableTeam("near-other-region", capabilities: ["youth"], regions: ["south"], base: (45.02, -93.0))
        try await scene.availableTeam("far", capabilities: ["youth"], regions: ["north"], base: (45.1, -93.0))
        try await scene.availableTeam("farther", capabilities: ["youth"], base: (45.3, -93.0))
        try await scene.contact("c", region: "north", location: (45.0, -93.0))
        let created = try await scene.dispatch("c", requires: ["youth"])
        #expect(created.status == 201)
        #expect(created.json?["team_id"] == .string(scene.id("far")) && created.json?["priority"] == "urgent")
        #expect(abs((created.json?["eta_minutes"]?.doubleValue ?? 0) - 32.01889305254526) < 1e-6)
    }

    @Test func withoutAPlaceTheTeamAvailableLongestGoesAndNoETAIsGiven() async throws {
        let scene = try await DispatchScene.start()
        try await scene.offDutyTeam("early", base: (45, -93))
        try await scene.offDutyTeam("late", base: (45, -93))
        #expect(try await scene.report("late", ["status": "available", "at": "2026-11-26T10:05:00Z"]).status == 200)
        #expect(try await scene.report("early", ["status": "available", "at": "2026-11-26T10:00:00Z"]).status == 200)
        try await scene.contact("c")
        let created = try await scene.dispatch("c")
        #expect(created.json?["team_id"] == .string(scene.id("early")))
        #expect(created.json?["eta_minutes"] == .null)
    }

    @Test func noTeamFreeLeavesTheDispatchQueued() async throws {
        let scene = try await DispatchScene.start()
        try await scene.contact("c", location: (45, -93))
        let created = try await scene.dispatch("c", priority: "routine")
        #expect(created.status == 201)
        #expect(created.json?["status"] == "requested" && created.json?["team_id"] == .null && created.json?["assigned_at"] == .null)
    }

    @Test func aContactNeverReceivedMayStillBeSentATeam() async throws {
        let scene = try await DispatchScene.start()
        try await scene.availableTeam("t", base: (45, -93))
        let created = try await scene.dispatch("unheard-of")
        #expect(created.status == 201 && created.json?["team_id"] == .string(scene.id("t")))
    }

    @Test func theLifecycleRecordsEachStepAndFreesTheTeam() async throws {
        let scene = try await DispatchScene.start()
        try await scene.availableTeam("t", base: (45, -93))
        try await scene.contact("c")
        let id = try #require(try await scene.dispatch("c", at: "2026-11-26T17:00:00Z").dispatchID)

        let skipped = try await scene.step(id, ["type": "on_scene"])
        #expect(skipped.status == 409)
        #expect(skipped.json?["allowed"] == ["en_route", "cancelled"] && skipped.json?["dispatch_status"] == "assigned")
        #expect(skipped.json?["status"] == 409)
        let early = try await scene.step(id, ["type": "en_route", "at": "2026-11-26T16:59:59Z"])
        #expect(early.status == 422 && early.errorPaths == ["at"])

        #expect(try await scene.step(id, ["type": "en_route", "at": "2026-11-26T17:02:00Z"]).json?["en_route_at"] == "2026-11-26T17:02:00.000Z")
        #expect(try await scene.step(id, ["type": "on_scene", "at": "2026-11-26T17:20:00Z", "law_enforcement_involved": true]).status == 200)
        let completed = try await scene.step(id, ["type": "completed", "at": "2026-11-26T17:50:00Z", "outcome": "transported_voluntary"])
        #expect(completed.status == 200)
        #expect(completed.json?["status"] == "completed" && completed.json?["outcome"] == "transported_voluntary")
        #expect(completed.json?["law_enforcement_involved"] == true && completed.json?["completed_at"] == "2026-11-26T17:50:00.000Z")
        #expect(try await scene.get("/v1/teams/\(scene.id("t"))").json?["status"] == "available")

        let closed = try await scene.step(id, ["type": "cancelled"])
        #expect(closed.status == 409 && closed.json?["allowed"] == [])
    }

    @Test func aQueuedDispatchIsAssignedByADispatcherOnlyToAnAvailableTeam() async throws {
        let scene = try await DispatchScene.start()
        try await scene.offDutyTeam("t", base: (45, -93))
        try await scene.contact("c")
        let id = try #require(try await scene.dispatch("c").dispatchID)
        // Without a team named, the best available one: none is.
        let noneFree = try await scene.step(id, ["type": "assigned"])
        #expect(noneFree.status == 409 && noneFree.json?["dispatch_status"] == "requested")
        #expect(try await scene.step(id, ["type": "assigned", "team_id": .string(scene.id("ghost"))]).status == 404)
        #expect(try await scene.step(id, ["type": "assigned", "team_id": .string(scene.id("t"))]).status == 409)
        // Available, the team takes the queued dispatch itself: the dispatcher's step comes too late.
        #expect(try await scene.report("t", ["status": "available"]).json?["status"] == "busy")
        #expect(try await scene.get("/v1/dispatches/\(id)").json?["team_id"] == .string(scene.id("t")))
        #expect(try await scene.step(id, ["type": "assigned", "team_id": .string(scene.id("t"))]).status == 409)
        let cancelled = try await scene.step(id, ["type": "cancelled"])
        #expect(cancelled.json?["status"] == "cancelled")
        #expect(try await scene.get("/v1/teams/\(scene.id("t"))").json?["status"] == "available")
    }

    @Test func badRequestsAreRefusedWithoutWritingAnything() async throws {
        let scene = try await DispatchScene.start()
        let missing = try await scene.server.request("POST", "/v1/dispatches", token: scene.token("dispatcher"), json: ["priority": "soon"])
        #expect(missing.status == 422 && missing.errorPaths.sorted() == ["contact_id", "priority"])
        #expect(try await scene.server.request("POST", "/v1/dispatches", token: scene.token("dispatcher"), raw: "{").status == 400)
        for path in ["/v1/dispatches/999999999", "/v1/dispatches/abc", "/v1/dispatches/-1", "/v1/dispatches/0"] {
            #expect(try await scene.get(path).status == 404, "\(path)")
        }
        #expect(try await scene.step(999_999_999, ["type": "cancelled"]).status == 404)
    }
}
