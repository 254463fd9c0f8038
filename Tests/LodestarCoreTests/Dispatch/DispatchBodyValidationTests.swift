import JSON
import LodestarCore
import Testing
import Time

/// The request bodies of regions, teams and dispatches: defaults, and every problem by path.
@Suite struct DispatchBodyValidationTests {
    static let now = DispatchLifecycleTests.t0

    /// The paths of the problems `body` reports; empty when it accepts.
    static func paths(_ body: () throws -> Void) -> [String] {
        do {
            try body()
            return []
        } catch let failure as ValidationFailure {
            return failure.issues.map(\.path)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test func aDispatchRequestDefaultsToUrgentNowAndTheBestTeam() throws {
        let request = try DispatchRequest.validate(body: ["contact_id": "c1", "requires": ["youth", "youth", "spanish"]], now: Self.now)
        #expect(request == DispatchRequest(contactID: "c1", priority: .urgent, requires: ["youth", "spanish"], requestedAt: Self.now))
        let named = try DispatchRequest.validate(body: ["contact_id": "c1", "team_id": "t9", "at": "2026-11-26T09:00:00Z"], now: Self.now)
        #expect(named.assignment == .team("t9") && named.requestedAt == Timestamp(rfc3339: "2026-11-26T09:00:00Z"))
    }

    @Test func aDispatchRequestNamesEachProblem() {
        #expect(Self.paths { _ = try DispatchRequest.validate(body: ["priority": "soon", "requires": [""], "at": "2027-01-01T00:00:00Z", "x": 1], now: Self.now) }
            .sorted() == ["at", "contact_id", "priority", "requires[0]", "x"])
    }

    @Test func aStepNamesATeamOnlyWhenAssignedAndItsOutcomeOnlyWhenCompleted() throws {
        let best = try DispatchStepRequest.validate(body: ["type": "assigned"], now: Self.now)
        #expect(best.needsTeamChosen && best.assigning("t").teamID == "t" && !best.assigning("t").needsTeamChosen)
        #expect(Self.paths { _ = try DispatchStepRequest.validate(body: ["type": "en_route", "team_id": "t", "outcome": "other"], now: Self.now) }
            .sorted() == ["outcome", "team_id"])
        #expect(Self.paths { _ = try DispatchStepRequest.validate(body: ["type": "arrived"], now: Self.now) } == ["type"])
        let completed = try DispatchStepRequest.validate(body: ["type": "completed", "outcome": "referred", "law_enforcement_involved": false], now: Self.now)
        #expect(completed == DispatchStepRequest(.completed(outcome: .referred), at: .unstated(now: Self.now), lawEnforcementInvolved: false))
        #expect(try DispatchStepRequest.validate(body: ["type": "assigned", "team_id": "t"], now: Self.now).teamID == "t")
    }

    @Test func aTeamNeedsANameAndABase() throws {
        #expect(Self.paths { _ = try TeamDescription.validate(body: ["capabilities": "youth", "base": ["lat": 91, "lon": 0]], id: "t") }
            .sorted() == ["base.lat", "capabilities", "name"])
        let team = try TeamDescription.validate(body: ["name": "T", "base": ["lat": 41, "lon": -87]], id: "t")
        #expect(team.capabilities.isEmpty && team.regions.isEmpty)
    }

    @Test func aTeamReportNeedsAStatusOrALocation() throws {
        #expect(Self.paths { _ = try TeamStatusReport.validate(body: [:], now: Self.now) } == ["status"])
        #expect(Self.paths { _ = try TeamStatusReport.validate(body: ["status": "busy"], now: Self.now) } == ["status"])
        let ping = try TeamStatusReport.validate(body: ["location": ["lat": 41, "lon": -87]], now: Self.now)
        #expect(ping == TeamStatusReport(status: nil, location: GeoPoint(lat: 41, lon: -87), at: .unstated(now: Self.now)))
    }

    @Test func aRegionsTargetDefaultsByType() throws {
        #expect(try Region.validate(body: ["name": "N", "type": "urban", "timezone": "America/Chicago"], code: "n").responseTargetMinutes == 60)
        #expect(try Region.validate(body: ["name": "N", "type": "frontier", "timezone": "UTC"], code: "n").responseTargetMinutes == 120)
        #expect(try Region.validate(body: ["name": "N", "type": "rural", "timezone": "UTC", "response_target_minutes": 45], code: "n")
            .responseTargetMinutes == 45)
        #expect(Self.paths { _ = try Region.validate(body: ["name": "N", "type": "suburban", "response_target_minutes": 0], code: "n") }
            .sorted() == ["response_target_minutes", "timezone", "type"])
        #expect(Self.paths {
            _ = try Region.validate(body: ["name": "N", "type": "suburban", "timezone": "Mars/Base"], code: "n",
                                    zoneProblem: { $0 == "Mars/Base" ? "unknown" : nil })
        }.sorted() == ["timezone", "type"])
        #expect(RegionProfile.undescribed == RegionProfile(type: .urban, timeZone: "UTC", responseTargetMinutes: 60, isDescribed: false))
    }
}
