import Foundation
import JSON
import Testing

/// `GET /v1/reports/indicators` over a generated scenario posted through the API (SPEC §7):
/// every indicator of every group, for groupings of attributes and periods, in zones whose
/// clocks change inside the window, against figures the test works out itself.
@Suite struct IndicatorReportAPITests {
    static let cases = [
        ReportCase(groupBy: [], timeZone: nil, from: ReportCase.utc.from, to: ReportCase.utc.to),
        ReportCase(groupBy: ["region"], timeZone: nil, from: ReportCase.utc.from, to: ReportCase.utc.to),
        ReportCase(groupBy: ["channel", "age_group"], timeZone: nil, from: ReportCase.utc.from, to: ReportCase.utc.to),
        ReportCase(groupBy: ["team"], timeZone: nil, from: ReportCase.utc.from, to: ReportCase.utc.to),
        ReportCase(groupBy: ["race_ethnicity", "language", "line"], timeZone: nil, from: ReportCase.utc.from, to: ReportCase.utc.to),
        ReportCase(groupBy: ["week", "team"], timeZone: "UTC", from: ReportCase.utc.from, to: ReportCase.utc.to),
        ReportCase.inChicago(["region", "week"]),
        ReportCase.inChicago(["day"]),
        ReportCase(groupBy: ["day", "region"], timeZone: "America/Chicago", from: "2026-10-30T00:00:00-05:00", to: "2026-11-04T00:00:00-06:00"),
        ReportCase(groupBy: ["ruleset_version"], timeZone: nil, from: ReportCase.utc.from, to: ReportCase.utc.to),
        ReportCase(groupBy: ["experiment_arm", "region"], timeZone: nil, from: ReportCase.utc.from, to: ReportCase.utc.to),
        ReportCase.inChicago(["experiment_arm", "ruleset_version", "week"]),
        ReportCase(groupBy: ["month", "channel"], timeZone: "Europe/Berlin", from: "2026-10-01T00:00:00+02:00", to: "2026-12-01T00:00:00+01:00"),
    ]

    static func report(_ path: String, role: String = "manager") async throws -> (APIResponse, ReportScenario) {
        let (fixture, scenario) = try await ReportScenarioFixture.shared.get()
        return (try await fixture.server.request("GET", path, token: fixture.token(role)), scenario)
    }

    @Test(arguments: cases)
    func everyFigureOfEveryGroupMatchesTheScenario(_ query: ReportCase) async throws {
        let (response, scenario) = try await Self.report("/v1/reports/indicators?" + query.query())
        #expect(response.status == 200, "\(response.text)")
        #expect(response.header("Content-Type") == "application/json")
        let json = try #require(response.json)
        #expect(json["group_by"] == .array(query.groupBy.map(JSONValue.string)))
        #expect(json["tz"] == .string(query.timeZone ?? "UTC"))
        let expected = query.expected.cells(scenario)
        let problems = ReportComparison.differences(json, expected, groupBy: query.groupBy, suppress: true)
        #expect(problems.isEmpty, "\(problems.count) differences:\n\(problems.prefix(40).joined(separator: "\n"))")
    }

    /// The scenario is rich enough for the comparisons to mean something: small cells hidden
    /// and large ones shown in one report, groups under `null`, periods that differ between
    /// UTC and Chicago.
    @Test func theScenarioExercisesSuppressionNullGroupsAndZones() async throws {
        let (_, scenario) = try await ReportScenarioFixture.shared.get()
        let weekly = ReportCase.inChicago(["region", "week"])
        let indicators = weekly.expected.cells(scenario).values.flatMap { $0.indicators(suppress: true) }
        #expect(indicators.contains { $0.suppressed && $0.name.hasSuffix("_rate") })
        #expect(indicators.contains { $0.suppressed && $0.name.hasSuffix("_minutes") })
        #expect(indicators.contains { !$0.suppressed && $0.name.hasSuffix("_rate") && $0.value != .rate(nil) })
        #expect(indicators.contains { !$0.suppressed && $0.value == .rate(nil) })
        #expect(weekly.expected.cells(scenario).keys.contains { $0[0] == nil })
        let chicagoDays = ReportCase.inChicago(["day"])
        let utcDays = ReportCase(groupBy: ["day"], timeZone: "UTC", from: ReportCase.chicago.from, to: ReportCase.chicago.to)
        let offered = { (query: ReportCase) in query.expected.cells(scenario).mapValues(\.offered) }
        #expect(offered(chicagoDays) != offered(utcDays))
        #expect(chicagoDays.expected.cells(scenario).count == 35)
        // Contacts decided under each ruleset version, in each arm, and neither.
        #expect(Set(scenario.contacts.map(\.rulesetVersion)) == [1, 2, nil])
        #expect(Set(scenario.contacts.map(\.arm)) == ["early", "late", nil])
    }

    @Test func anAdministratorMayTurnSuppressionOffAndAManagerMayNot() async throws {
        let query = ReportCase.inChicago(["region", "week"])
        let (denied, _) = try await Self.report("/v1/reports/indicators?" + query.query("&suppress=false"))
        #expect(denied.status == 403)
        #expect(denied.header("Content-Type") == "application/problem+json")
        let (response, scenario) = try await Self.report("/v1/reports/indicators?" + query.query("&suppress=false"), role: "admin")
        #expect(response.status == 200)
        let json = try #require(response.json)
        let problems = ReportComparison.differences(json, query.expected.cells(scenario), groupBy: query.groupBy, suppress: false)
        #expect(problems.isEmpty, "\(problems.prefix(40).joined(separator: "\n"))")
        let (explicit, _) = try await Self.report("/v1/reports/indicators?" + query.query("&suppress=true"))
        #expect(ReportComparison.differences(try #require(explicit.json), query.expected.cells(scenario), groupBy: query.groupBy, suppress: true).isEmpty)
    }

    @Test func onlyManagersAndAdministratorsReadReports() async throws {
        for role in ["dispatcher", "ingest"] {
            let (response, _) = try await Self.report("/v1/reports/indicators?" + ReportCase.whole.query(), role: role)
            #expect(response.status == 403, "\(role)")
        }
        let (fixture, _) = try await ReportScenarioFixture.shared.get()
        let anonymous = try await fixture.server.request("GET", "/v1/reports/indicators?" + ReportCase.whole.query())
        #expect(anonymous.status == 401)
        #expect(try fixture.database.sql("SELECT count(*) > 0 FROM audit_log WHERE action = 'report.read' AND actor = 'test-manager'") == "t")
    }
}
