import Foundation
import JSON
import Testing

/// `GET /v1/reports/spc` over the generated scenario (SPEC §7): the weekly p-chart of a rate and
/// XmR chart of a time, with a held baseline, worked out by the test from the scenario; the
/// rules themselves are tested on hand-worked series in the core's tests.
@Suite struct SPCReportAPITests {
    static let weeks = ReportCase.inChicago(["week"])

    static func spc(_ parameters: String) async throws -> (JSONValue, ReportScenario) {
        let window = ReportCase(groupBy: [], timeZone: "America/Chicago", from: ReportCase.chicago.from, to: ReportCase.chicago.to)
        let (response, scenario) = try await IndicatorReportAPITests.report("/v1/reports/spc?\(window.query())" + parameters)
        #expect(response.status == 200, "\(response.text)")
        return (try #require(response.json), scenario)
    }

    /// Points beyond the limits, by the test's own reading of them.
    static func beyondLimits(_ points: [JSONValue]) -> [Int] {
        points.indices.filter { index in
            let value = points[index]["value"]?.doubleValue ?? .nan
            if let ucl = points[index]["ucl"]?.doubleValue, value > ucl + 1e-9 { return true }
            if let lcl = points[index]["lcl"]?.doubleValue, value < lcl - 1e-9 { return true }
            return false
        }
    }

    static func outsideLimitsSignals(_ series: JSONValue?) -> [Int] {
        (series?["signals"]?.arrayValue ?? []).filter { $0["rule"] == "outside_limits" }.flatMap { $0["points"]?.arrayValue?.compactMap(\.intValue) ?? [] }.map(Int.init)
    }

    @Test func aRateIsAPChartWithHeldBaselineLimitsPerPeriod() async throws {
        let (json, scenario) = try await Self.spc("&indicator=answer_rate&period=week&baseline=3")
        #expect(json["indicator"] == "answer_rate")
        #expect(json["chart"] == "p")
        let weekly = Self.weeks.expected.cells(scenario).sorted { $0.key[0]! < $1.key[0]! }
        #expect(weekly.count == 5)
        let series = try #require(json["series"]?.arrayValue)
        #expect(series.count == 1)
        #expect(series[0]["group"] == [:])
        let centre = Double(weekly.prefix(3).reduce(0) { $0 + $1.value.answered }) / Double(weekly.prefix(3).reduce(0) { $0 + $1.value.offered })
        #expect(ReportComparison.close(series[0]["centre"]?.doubleValue, centre))
        let points = try #require(series[0]["points"]?.arrayValue)
        #expect(points.count == weekly.count)
        for (point, (key, cell)) in zip(points, weekly) {
            let sigma = (centre * (1 - centre) / Double(cell.offered)).squareRoot()
            #expect(point["period_start"] == .string(key[0]!))
            #expect(point["n"] == .int(Int64(cell.offered)))
            #expect(ReportComparison.close(point["value"]?.doubleValue, Double(cell.answered) / Double(cell.offered)))
            #expect(ReportComparison.close(point["lcl"]?.doubleValue, max(0, centre - 3 * sigma)))
            #expect(ReportComparison.close(point["ucl"]?.doubleValue, min(1, centre + 3 * sigma)))
        }
        #expect(Self.outsideLimitsSignals(series[0]) == Self.beyondLimits(points))
        for signal in series[0]["signals"]?.arrayValue ?? [] {
            #expect(["improvement", "concern"].contains(signal["kind"]?.stringValue ?? ""))
        }
    }

    @Test func aTimeIsAnXmRChartOfPeriodMeans() async throws {
        let (json, scenario) = try await Self.spc("&indicator=speed_to_answer_seconds&period=week&baseline=4")
        #expect(json["chart"] == "xmr")
        let means = Self.weeks.expected.cells(scenario).sorted { $0.key[0]! < $1.key[0]! }.map { key, cell in
            (start: key[0]!, mean: cell.speedToAnswerSeconds.reduce(0, +) / Double(cell.speedToAnswerSeconds.count), n: cell.speedToAnswerSeconds.count)
        }
        let base = means.prefix(4).map(\.mean)
        let centre = base.reduce(0, +) / 4
        let movingRange = zip(base, base.dropFirst()).map { abs($1 - $0) }.reduce(0, +) / 3
        let series = try #require(json["series"]?[0])
        #expect(ReportComparison.close(series["centre"]?.doubleValue, centre))
        let points = try #require(series["points"]?.arrayValue)
        #expect(points.map { $0["period_start"] } == means.map { .string($0.start) })
        for (point, week) in zip(points, means) {
            #expect(point["n"] == .int(Int64(week.n)))
            #expect(ReportComparison.close(point["value"]?.doubleValue, week.mean))
            #expect(ReportComparison.close(point["lcl"]?.doubleValue, centre - 2.66 * movingRange))
            #expect(ReportComparison.close(point["ucl"]?.doubleValue, centre + 2.66 * movingRange))
        }
        #expect(Self.outsideLimitsSignals(series) == Self.beyondLimits(points))
    }

    @Test func oneSeriesPerGroup() async throws {
        let (json, scenario) = try await Self.spc("&indicator=dispatch_within_target_rate&period=week&group_by=region")
        let cells = ReportCase.inChicago(["region", "week"]).expected.cells(scenario).filter { $0.value.onScene > 0 }
        let regions = Set(cells.keys.map { $0[0] })
        let series = try #require(json["series"]?.arrayValue)
        #expect(series.map { $0["group"]?["region"]?.stringValue } == ["east", "north", "south", "west", nil])
        #expect(Set(series.map { $0["group"]?["region"]?.stringValue }) == regions)
        for line in series {
            let region = line["group"]?["region"]?.stringValue
            let weeks = cells.filter { $0.key[0] == region }.sorted { $0.key[1]! < $1.key[1]! }
            #expect(line["points"]?.arrayValue?.map { $0["n"] } == weeks.map { .int(Int64($0.value.onScene)) })
            let values = line["points"]?.arrayValue?.map { $0["value"]?.doubleValue } ?? []
            #expect(values.count == weeks.count)
            for (value, week) in zip(values, weeks) {
                #expect(ReportComparison.close(value, Double(week.value.onSceneWithinTarget) / Double(week.value.onScene)))
            }
        }
    }

    @Test func theChartIsAPage() async throws {
        let (response, _) = try await IndicatorReportAPITests.report("/v1/reports/spc?\(ReportCase.whole.query())&indicator=follow_up_on_time_rate&format=html")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/html; charset=utf-8")
        #expect(response.text.contains("<svg"))
    }
}
