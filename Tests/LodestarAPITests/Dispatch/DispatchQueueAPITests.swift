import Foundation
import JSON
import Testing

/// The queue: a team that becomes available takes the first queued dispatch it fits, highest
/// priority then oldest request first; a dispatch it does not fit waits.
@Suite struct DispatchQueueAPITests {
    @Test func theQueueIsDrainedInPriorityOrderAsTheTeamCompletes() async throws {
        let scene = try await DispatchScene.start()
        try await scene.availableTeam("t", base: (45, -93))
        try await scene.contact("c")
        let first = try #require(try await scene.dispatch("c", at: "2026-11-26T09:00:00Z").dispatchID)
        var queued: [String: Int64] = [:]
        for (name, priority, at) in [("routine", "routine", "09:01"), ("urgent-late", "urgent", "09:03"), ("emergent", "emergent", "09:04"),
                                     ("urgent-early", "urgent", "09:02")] {
            let response = try await scene.dispatch("c", priority: priority, at: "2026-11-26T\(at):00Z")
            #expect(response.json?["status"] == "requested")
            queued[name] = response.dispatchID
        }
        var current = first
        for name in ["emergent", "urgent-early", "urgent-late", "routine"] {
            #expect(try await scene.complete(current).json?["status"] == "completed")
            let next = try await scene.get("/v1/dispatches/\(queued[name]!)")
            #expect(next.json?["status"] == "assigned", "\(name)")
            #expect(next.json?["team_id"] == .string(scene.id("t")))
            // Assigned when the team was freed, not back when it was requested.
            #expect(next.json?["assigned_at"] != next.json?["requested_at"])
            current = queued[name]!
        }
        #expect(try await scene.complete(current).status == 200)
        #expect(try await scene.get("/v1/teams/\(scene.id("t"))").json?["status"] == "available")
    }

    @Test func aTeamComingOnDutyTakesWhatItFitsAndLeavesTheRest() async throws {
        let scene = try await DispatchScene.start()
        try await scene.offDutyTeam("t", regions: ["north"], base: (45.1, -93))
        try await scene.contact("north", region: "north", location: (45, -93))
        try await scene.contact("south", region: "south", location: (45, -93))
        let youth = try #require(try await scene.dispatch("north", priority: "emergent", requires: ["youth"]).dispatchID)
        let south = try #require(try await scene.dispatch("south", priority: "emergent").dispatchID)
        let north = try #require(try await scene.dispatch("north").dispatchID)

        let onDuty = try await scene.report("t", ["status": "available"])
        #expect(onDuty.json?["status"] == "busy")
        let taken = try await scene.get("/v1/dispatches/\(north)")
        #expect(taken.json?["team_id"] == .string(scene.id("t")))
        #expect(abs((taken.json?["eta_minutes"]?.doubleValue ?? 0) - 32.01889305254526) < 1e-6)
        #expect(try await scene.get("/v1/dispatches/\(youth)").json?["status"] == "requested")
        #expect(try await scene.get("/v1/dispatches/\(south)").json?["status"] == "requested")

        // Described anew with the capability it lacked, the freed team fits the youth dispatch.
        #expect(try await scene.step(north, ["type": "cancelled"]).status == 200)
        #expect(try await scene.get("/v1/teams/\(scene.id("t"))").json?["status"] == "available")
        let redescribed = try await scene.putTeam("t", capabilities: ["youth"], regions: ["north"], base: (45.1, -93))
        #expect(redescribed.status == 200 && redescribed.json?["status"] == "busy")
        #expect(try await scene.get("/v1/dispatches/\(youth)").json?["status"] == "assigned")
        #expect(try await scene.get("/v1/dispatches/\(south)").json?["status"] == "requested")
    }
}
