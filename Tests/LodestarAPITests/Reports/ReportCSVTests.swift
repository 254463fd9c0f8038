@testable import LodestarAPI
import LodestarCore
import Testing

@Suite struct ReportCSVTests {
    @Test func fieldsAreQuotedOnlyWhereNeeded() {
        #expect(CSVText.field("north") == "north")
        #expect(CSVText.field("a,b") == "\"a,b\"")
        #expect(CSVText.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVText.field("two\r\nlines") == "\"two\r\nlines\"")
        #expect(CSVText.field("lf\nonly") == "\"lf\nonly\"")
        #expect(CSVText.field("") == "")
        #expect(CSVText.record(["a", nil, "b,c", ""]) == "a,,\"b,c\",\r\n")
    }

    @Test func formulaLikeTextIsDefused() {
        #expect(CSVText.text("=HYPERLINK(1)") == "'=HYPERLINK(1)")
        #expect(CSVText.text("+1") == "'+1")
        #expect(CSVText.text("@x") == "'@x")
        #expect(CSVText.text("<18") == "<18")
        #expect(CSVText.text("18-24") == "18-24")
    }

    @Test func reportRecords() throws {
        let csv = ReportFixtures.report().csv
        #expect(csv.hasSuffix("\r\n"))
        // Quoted fields may hold CRLF, so count records on the unquoted text only.
        let records = csv.split(separator: "\r\n", omittingEmptySubsequences: false)
        let header = String(records[0]).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(header.count == 2 + 12 + 4 * 3)
        #expect(Array(header.prefix(6)) == ["region", "ruleset_version", "contacts_offered", "contacts_answered", "answer_rate", "abandonment_rate"])
        #expect(Array(header[6...8]) == ["speed_to_answer_seconds_mean", "speed_to_answer_seconds_p50", "speed_to_answer_seconds_p90"])
        #expect(header.last == "follow_up_first_attempt_hours_p90")
        #expect(records[1].hasPrefix("north,2,200,180,0.9,0.1,14.5,12.0,31.25,0.8333333333333334,40,48.0,45.0,80.0,0.6,0.6,0.0,"))
        #expect(records[1].hasSuffix(",60,0.75,0.5,20.0,18.0,30.0"))
        // The quoted group: quotes doubled, comma and CRLF kept inside the quotes.
        #expect(csv.contains("\r\n\"zone \"\"quoted\"\", <b>region</b>\r\n& more\",3,15,12,,,,,,0.0,0,"))
        // The null group: two empty dimension fields, suppressed and undefined figures empty.
        let last = String(records[records.count - 2])
        #expect(last.hasPrefix(",,15,12,,,,,,0.0,0,,,,,,,,,,0,,,,,"))
        #expect(last.split(separator: ",", omittingEmptySubsequences: false).count == header.count)
        #expect(records.last == "")
    }

    @Test func emptyReportIsItsHeader() {
        let report = IndicatorReport(from: ReportFixtures.from, to: ReportFixtures.to, timeZone: "UTC", groupBy: [],
                                     policy: .standard, groups: [])
        #expect(report.csv.hasPrefix("contacts_offered,contacts_answered,"))
        #expect(report.csv.filter { $0 == "\r\n" }.count == 1)
    }
}
