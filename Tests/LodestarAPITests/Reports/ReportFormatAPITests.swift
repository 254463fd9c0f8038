import Foundation
import JSON
import Testing

/// The report's parameters and formats over the real server (SPEC §2, §7): 422 naming each
/// bad parameter, CSV with the JSON's figures and nulls, HTML as a page.
@Suite struct ReportFormatAPITests {
    static let window = ReportCase.whole.query()

    static let badQueries: [(query: String, parameter: String)] = [
        ("/v1/reports/indicators?\(window)&group_by=region,postcode", "group_by"),
        ("/v1/reports/indicators?\(window)&group_by=region,region", "group_by"),
        ("/v1/reports/indicators?\(window)&tz=Mars/Olympus_Mons", "tz"),
        ("/v1/reports/indicators?\(window)&tz=../../etc/passwd", "tz"),
        ("/v1/reports/indicators?from=2026-11-16T00:00:00Z&to=2026-11-16T00:00:00Z", "to"),
        ("/v1/reports/indicators?from=2026-11-16T00:00:00Z&to=2026-10-12T00:00:00Z", "to"),
        ("/v1/reports/indicators?from=2026-11-16&to=2026-11-17T00:00:00Z", "from"),
        ("/v1/reports/indicators?to=2026-11-17T00:00:00Z", "from"),
        ("/v1/reports/indicators?\(window)&format=xml", "format"),
        ("/v1/reports/indicators?\(window)&suppress=maybe", "suppress"),
        ("/v1/reports/indicators?\(window)&indicator=answer_rate", "indicator"),
        ("/v1/reports/indicators?\(window)&tz=UTC&tz=UTC", "tz"),
        ("/v1/reports/spc?\(window)&indicator=answer_ratio", "indicator"),
        ("/v1/reports/spc?\(window)&indicator=contacts_offered", "indicator"),
        ("/v1/reports/spc?\(window)", "indicator"),
        ("/v1/reports/spc?\(window)&indicator=answer_rate&period=year", "period"),
        ("/v1/reports/spc?\(window)&indicator=answer_rate&group_by=week", "group_by"),
        ("/v1/reports/spc?\(window)&indicator=answer_rate&baseline=0", "baseline"),
        ("/v1/reports/spc?\(window)&indicator=answer_rate&format=csv", "format"),
    ]

    @Test(arguments: badQueries)
    func aBadParameterIs422NamingIt(_ query: String, _ parameter: String) async throws {
        let (response, _) = try await IndicatorReportAPITests.report(query)
        #expect(response.status == 422, "\(response.text)")
        #expect(response.header("Content-Type") == "application/problem+json")
        let paths = response.json?["errors"]?.arrayValue?.compactMap { $0["path"]?.stringValue } ?? []
        #expect(paths.contains(parameter), "\(paths)")
    }

    @Test func csvHoldsTheJSONFiguresAndNulls() async throws {
        let query = "/v1/reports/indicators?\(ReportCase.inChicago(["region", "age_group"]).query())"
        let (json, _) = try await IndicatorReportAPITests.report(query)
        let (csv, _) = try await IndicatorReportAPITests.report(query + "&format=csv")
        #expect(csv.status == 200)
        #expect(csv.header("Content-Type") == "text/csv; charset=utf-8")
        let records = try CSVRecords.parse(csv.text)
        let rows = try #require(json.json?["rows"]?.arrayValue)
        #expect(records.count == rows.count + 1)
        let header = records[0]
        #expect(Array(header.prefix(3)) == ["region", "age_group", "contacts_offered"])
        #expect(header.contains("dispatch_response_minutes_p90"))
        for (record, row) in zip(records.dropFirst(), rows) {
            #expect(record.count == header.count)
            for (column, field) in zip(header, record) {
                let value: JSONValue?
                if column == "region" || column == "age_group" {
                    value = row["group"]?[column]
                } else if let suffix = ["_mean", "_p50", "_p90"].first(where: column.hasSuffix) {
                    let statistic = row["indicators"]?[String(column.dropLast(suffix.count))]
                    value = statistic == .null ? .null : statistic?[String(suffix.dropFirst())]
                } else {
                    value = row["indicators"]?[column]
                }
                switch value {
                case .null?: #expect(field.isEmpty, "\(column)")
                case .string(let text)?: #expect(field == text, "\(column)")
                case let number?: #expect(ReportComparison.close(Double(field), number.doubleValue ?? .nan), "\(column): \(field) against \(number)")
                case nil: Issue.record("no \(column) in the JSON row")
                }
            }
        }
    }

    static let pages = [
        "/v1/reports/indicators?\(ReportCase.inChicago(["region", "week"]).query())&format=html",
        "/v1/reports/indicators?\(ReportCase.whole.query())&group_by=channel,age_group&format=html",
        "/v1/reports/indicators?\(ReportCase.whole.query())&format=html&suppress=false",
        "/v1/reports/spc?\(ReportCase.whole.query())&indicator=answer_rate&period=day&group_by=region&format=html",
        "/v1/reports/spc?\(ReportCase.whole.query())&indicator=dispatch_response_minutes&baseline=3&format=html",
    ]

    /// The pages the server renders from real figures load nothing from elsewhere: no element
    /// that fetches (`src`, `href`, scripts, stylesheets, frames), no CSS that does (`url(`,
    /// `@import`), no address of any scheme; and their policy forbids fetching anyway.
    @Test(arguments: pages)
    func pagesLoadNothingFromElsewhere(_ path: String) async throws {
        let (response, _) = try await IndicatorReportAPITests.report(path, role: path.contains("suppress=false") ? "admin" : "manager")
        #expect(response.status == 200)
        let page = response.text.lowercased()
        for reference in ["src=", "href=", "url(", "@import", "<script", "<link", "<img", "<iframe", "<object", "<embed",
                          "http:", "https:", "//", "xlink:", "srcset"] {
            #expect(!page.contains(reference), "\(path) holds \(reference)")
        }
        #expect(page.contains("content-security-policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\""))
    }

    @Test func htmlIsAPageWithTheTableAndCharts() async throws {
        let (response, _) = try await IndicatorReportAPITests.report("/v1/reports/indicators?\(ReportCase.inChicago(["week"]).query())&format=html")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/html; charset=utf-8")
        #expect(response.text.hasPrefix("<!DOCTYPE html>"))
        #expect(response.text.contains("<table"))
        #expect(response.text.contains("<svg"))
    }
}

extension ReportCase {
    /// The whole UTC window, ungrouped.
    static let whole = ReportCase(groupBy: [], timeZone: nil, from: utc.from, to: utc.to)

    /// The Chicago window in Chicago's time, grouped by `groupBy`.
    static func inChicago(_ groupBy: [String]) -> ReportCase {
        ReportCase(groupBy: groupBy, timeZone: "America/Chicago", from: chicago.from, to: chicago.to)
    }
}

/// RFC 4180 records, enough for the report's CSV: quoted fields with doubled quotes, CRLF.
enum CSVRecords {
    struct Malformed: Error {}

    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                record.append(field)
                field = ""
            } else if character == "\r\n" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.append(character)
            }
        }
        guard !quoted, record.isEmpty, field.isEmpty else { throw Malformed() }
        return records
    }
}
