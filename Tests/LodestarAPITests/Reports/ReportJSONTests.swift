import JSON
@testable import LodestarAPI
import LodestarCore
import Testing
import Time

@Suite struct ReportJSONTests {
    @Test func indicatorReportShape() throws {
        // The window is echoed as the client wrote it.
        let json = ReportFixtures.report().json(window: ("2026-11-02T00:00:00-06:00", "2026-11-16T06:00:00Z"))
        #expect(json["from"] == "2026-11-02T00:00:00-06:00")
        #expect(json["to"] == "2026-11-16T06:00:00Z")
        #expect(json["tz"] == "America/Chicago")
        #expect(json["group_by"] == ["region", "ruleset_version"])
        let rows = try #require(json["rows"]?.arrayValue)
        #expect(rows.count == 3)
        #expect(rows[0]["group"] == ["region": "north", "ruleset_version": 2])
        #expect(rows[2]["group"] == ["region": .null, "ruleset_version": .null])
        let busy = try #require(rows[0]["indicators"]?.objectValue)
        #expect(busy.keys == Indicator.allCases.map(\.rawValue))
        #expect(busy["contacts_offered"] == 200)
        #expect(busy["answer_rate"] == .double(0.9))
        #expect(busy["law_enforcement_involvement_rate"] == .double(0))
        #expect(busy["speed_to_answer_seconds"] == ["mean": 14.5, "p50": .double(12), "p90": 31.25])
        #expect(rows[0]["suppressed"] == [])
        let quiet = try #require(rows[1]["indicators"]?.objectValue)
        #expect(quiet["contacts_offered"] == 15)
        #expect(quiet["answer_rate"] == .null)
        #expect(quiet["speed_to_answer_seconds"] == .null)
        #expect(quiet["dispatch_within_target_rate"] == .null)
        #expect(rows[1]["suppressed"] == ["answer_rate", "abandonment_rate"])
    }

    @Test func spcReportShape() throws {
        let json = ReportFixtures.spc().json(window: ("a", "b"))
        #expect(json["indicator"] == "speed_to_answer_seconds")
        #expect(json["chart"] == "xmr")
        #expect(json["baseline"] == 4)
        let series = try #require(json["series"]?.arrayValue)
        #expect(series.count == 1)
        #expect(series[0]["group"] == ["region": "<north>"])
        #expect(series[0]["centre"] == .double(13))
        let points = try #require(series[0]["points"]?.arrayValue)
        #expect(points.count == 13)
        #expect(points[4]["period_start"] == "2026-11-06")
        #expect(points[4]["value"] == .double(30))
        #expect(points[4]["n"] == 20)
        #expect(abs((points[4]["lcl"]?.doubleValue ?? 0) - 7.68) < 1e-9)
        #expect(abs((points[4]["ucl"]?.doubleValue ?? 0) - 18.32) < 1e-9)
        #expect(points[4].objectValue?.keys == ["period_start", "value", "n", "lcl", "ucl"])
        #expect(series[0]["signals"] == [
            ["rule": "outside_limits", "points": [4], "kind": "concern"],
            ["rule": "shift", "points": [6, 7, 8, 9, 10, 11, 12], "kind": "concern"],
        ])
        let pChart = ReportFixtures.pChartReport().json(window: ("a", "b"))
        #expect(pChart["chart"] == "p")
        #expect(pChart["baseline"] == .null)
        #expect(pChart["series"]?[0]?["group"] == [:])
    }
}
