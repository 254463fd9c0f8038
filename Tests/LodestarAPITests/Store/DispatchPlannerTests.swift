import Foundation
import JSON
import LodestarCore
@testable import LodestarStore
import Loop
import Postgres
import Testing
import Time

/// The creation path routing uses inside its own transaction (`DispatchPlanner`), with what only
/// routing asks for: dispatches left to a dispatcher, and a limit on the ETA.
@Suite struct DispatchPlannerTests {
    init() { EventLoop.startInBackground() }

    static let t0 = Timestamp(rfc3339: "2026-11-26T10:00:00Z")!
    static func at(_ minutes: Int64) -> Timestamp { t0.adding(seconds: minutes * 60) }

    @LoopActor static func availableTeam(_ id: String, at place: GeoPoint, in database: Database) async throws {
        _ = try await database.teams.describe(TeamDescription(id: id, name: id, capabilities: [], regions: [], base: place), now: t0, by: "test")
        _ = try await database.teams.report(TeamStatusReport(status: .available, at: .stated(t0)), teamID: id, by: "test")
    }

    @LoopActor static func status(_ id: Int64, in database: Database) async throws -> DispatchStatus? {
        try await database.dispatches.read(id, auditedAs: "test")?.status
    }

    @Test @LoopActor func routingCreatesInItsTransactionAndTheQueueHonoursManualAndLimitedDispatches() async throws {
        let (database, test) = try await EventStoreTests.database()
        defer { database.close() }
        let place = GeoPoint(lat: 45, lon: -93)
        let received = ContactEvent(eventID: "r", source: "center-a", contactID: "c", occurredAt: Self.t0,
                                    data: .received(.init(channel: .call, location: place)), raw: ["event_id": "r"])
        _ = try await database.events.ingest([received], by: "center-a")
        // 11.1 km away: with the default model, 11.12 × 1.3 + 5 = 19.5 minutes.
        try await Self.availableTeam("near", at: GeoPoint(lat: 45.1, lon: -93), in: database)

        let planner = DispatchPlanner(eta: database.dispatches.eta)
        let requests = [
            DispatchRequest(contactID: "c", priority: .emergent, requestedAt: Self.t0, assignment: .manual),
            DispatchRequest(contactID: "c", priority: .emergent, requestedAt: Self.t0, assignment: .automatic(maxETAMinutes: 15)),
            DispatchRequest(contactID: "c", priority: .routine, requestedAt: Self.t0),
        ]
        let created = try await database.pool.transaction { tx in
            var writes = DispatchWrites()
            let created = try await planner.plan(requests, contacts: ["c": .init(region: nil, location: place)], actor: "routing", in: tx, writes: &writes)
            var last = PostgresBatch()
            writes.add(to: &last, eta: planner.eta)
            _ = try await tx.executeAndCommit(last)
            return created
        }
        #expect(created.map(\.status) == [.requested, .requested, .assigned])
        #expect(created[2].teamID == "near" && abs((created[2].etaMinutes ?? 0) - (11.119508023353449 * 1.3 + 5)) < 1e-9)
        #expect(created.map(\.requestedAt) == [Self.t0, Self.t0, Self.t0])
        let (manual, limited, open) = (created[0].id, created[1].id, created[2].id)
        #expect(try test.sql("SELECT count(*) FROM audit_log WHERE actor = 'routing' AND action = 'dispatch.create'") == "3")
        #expect(try test.sql("SELECT count(*) FROM change_log WHERE kind = 'dispatch'") == "3")

        // Freed, the team is still too far for the limited dispatch and never takes the manual one.
        for (minute, step) in [(1, DispatchStepRequest.Kind.enRoute), (20, .onScene), (40, .completed(outcome: .referred))] {
            _ = try await database.dispatches.record(DispatchStepRequest(step, at: .stated(Self.at(Int64(minute)))), dispatchID: open, by: "test")
        }
        #expect(try await database.teams.team("near")?.status == .available)
        #expect(try await Self.status(limited, in: database) == .requested)
        // 3.3 km away it arrives within 15 minutes: its report of where it is gives it the dispatch.
        let moved = try await database.teams.report(TeamStatusReport(status: nil, location: GeoPoint(lat: 45.03, lon: -93), at: .stated(Self.at(41))),
                                                    teamID: "near", by: "test")
        #expect(moved.status == .busy)
        #expect(try await database.dispatches.read(limited, auditedAs: "test")?.assignedAt == Self.at(41))

        try await Self.availableTeam("spare", at: place, in: database)
        #expect(try await Self.status(manual, in: database) == .requested)
        let assigned = try await database.dispatches.record(DispatchStepRequest(.assigned(teamID: "spare"), at: .stated(Self.at(42))), dispatchID: manual, by: "test")
        #expect(assigned.status == .assigned && assigned.etaMinutes == 5)
    }

    @Test @LoopActor func aNamedTeamThatCannotTakeTheDispatchAddsNothing() async throws {
        let (database, test) = try await EventStoreTests.database()
        defer { database.close() }
        _ = try await database.teams.describe(TeamDescription(id: "off", name: "Off", capabilities: [], regions: [], base: GeoPoint(lat: 45, lon: -93)),
                                              now: Self.t0, by: "test")
        _ = try await database.teams.report(TeamStatusReport(status: .offDuty, at: .stated(Self.t0)), teamID: "off", by: "test")
        await #expect(throws: TeamNotAvailable.self) {
            _ = try await database.dispatches.create(DispatchRequest(contactID: "c", requestedAt: Self.t0, assignment: .team("off")), by: "test")
        }
        await #expect(throws: TeamNotFound.self) {
            _ = try await database.dispatches.create(DispatchRequest(contactID: "c", requestedAt: Self.t0, assignment: .team("none")), by: "test")
        }
        #expect(try test.sql("SELECT count(*) FROM dispatches") == "0")
        #expect(try test.sql("SELECT count(*) FROM audit_log WHERE action LIKE 'dispatch.%'") == "0")
    }
}
