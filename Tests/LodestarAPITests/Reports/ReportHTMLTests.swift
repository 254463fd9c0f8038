@testable import LodestarAPI
import LodestarCore
import Testing

@Suite struct ReportHTMLTests {
    static let pages: [(String, String)] = [
        ("grouped", ReportFixtures.report().html),
        ("unsuppressed", ReportFixtures.report(policy: .off).html),
        ("weekly", ReportFixtures.weekly().html),
        ("empty", IndicatorReport(from: ReportFixtures.from, to: ReportFixtures.to, timeZone: "UTC", groupBy: [],
                                  policy: .standard, groups: []).html),
        ("xmr", ReportFixtures.spc().html),
        ("p", ReportFixtures.pChartReport().html),
    ]

    @Test(arguments: pages)
    func selfContained(_ name: String, _ html: String) {
        let lower = html.lowercased()
        for forbidden in ["http://", "https://", "//", "<script", "javascript:", "url(", "@import", " src=", " href=", "<link", "<img", "<iframe", "<object", "<embed"] {
            // `//` is allowed nowhere: not even a protocol-relative reference.
            #expect(!lower.contains(forbidden), "\(name) contains \(forbidden)")
        }
        #expect(lower.hasPrefix("<!doctype html>"))
        #expect(lower.contains("content-security-policy\" content=\"default-src 'none'"))
        #expect(lower.contains("@media print"))
        #expect(lower.contains("@page{size:a4"))
    }

    @Test(arguments: pages)
    func wellFormed(_ name: String, _ html: String) throws {
        try HTMLBalance.check(html)
    }

    @Test func textIsEscaped() {
        let html = ReportFixtures.report().html
        #expect(!html.contains("<b>region</b>"))
        #expect(html.contains("zone &quot;quoted&quot;, &lt;b&gt;region&lt;/b&gt;"))
        #expect(html.contains("&amp; more"))
        let spc = ReportFixtures.spc().html
        #expect(!spc.contains("<north>"))
        #expect(spc.contains("&lt;north&gt;"))
    }

    @Test func tableShowsFiguresSuppressionsAndGaps() {
        let html = ReportFixtures.report().html
        #expect(html.contains("<td>90.0%</td>"))
        #expect(html.contains("<td>14.5</td><td>12.0</td><td>31.3</td>"))
        #expect(html.contains("<td class=\"suppressed\" title=\"suppressed: small cell\">*</td>"))
        #expect(html.contains("<td class=\"null\">–</td>"))
        #expect(html.contains("a count from 1 to 10 is withheld"))
        #expect(html.contains("<td class=\"dim null\">(none)</td>"))
        #expect(ReportFixtures.report(policy: .off).html.contains("suppression is off"))
    }

    @Test func chartsPerIndicator() {
        let bars = ReportFixtures.report().html
        #expect(bars.ranges(of: "<figure>").count == Indicator.allCases.count)
        #expect(bars.contains("class=\"bar\""))
        let lines = ReportFixtures.weekly().html
        #expect(lines.contains("class=\"line s0\""))
        #expect(lines.contains("class=\"line s1\""))
        #expect(lines.contains("<span class=\"swatch s1\"></span>text"))
    }

    @Test func controlChartMarksSignalsAndExplainsThem() {
        let html = ReportFixtures.spc().html
        #expect(html.contains("class=\"pt concern\""))
        #expect(!html.contains("class=\"pt improvement\""))
        #expect(html.contains("class=\"centre\""))
        #expect(html.contains("class=\"limit\""))
        #expect(html.contains("<dt>shift</dt>"))
        #expect(html.contains("<td class=\"dim\">outside limits</td><td class=\"dim\">concern</td><td class=\"dim\">2026-11-06</td>"))
        // 13 points: 8 in a signal (1 outside the limits, 7 in the shift), 5 common cause.
        #expect(html.ranges(of: "class=\"pt concern\"").count == 8)
        #expect(html.ranges(of: "class=\"pt\"").count == 5)
        let p = ReportFixtures.pChartReport().html
        #expect(p.contains("class=\"pt improvement\""))
        #expect(p.contains("p-chart"))
    }

    @Test func figureText() {
        #expect(FigureText.fixed(1234567.891, decimals: 2) == "1,234,567.89")
        #expect(FigureText.fixed(-0.04, decimals: 1) == "0.0")
        #expect(FigureText.fixed(-2.25, decimals: 1) == "-2.3")
        #expect(FigureText.fixed(0.05, decimals: 0) == "0")
        #expect(FigureText.grouped(-1000) == "-1,000")
        #expect(FigureText.value(0.8333, unit: .proportion) == "83.3%")
        #expect(FigureText.coordinate(1234.56) == "1234.6")
    }

    @Test func niceScales() {
        #expect(ChartScale.niceStep(0.3) == 0.5)
        #expect(ChartScale.niceStep(17) == 20)
        #expect(ChartScale.niceStep(1) == 1)
        let scale = ChartScale(covering: [0, 0.83], from: 200, to: 0)
        #expect(scale.lower == 0)
        #expect(abs(scale.upper - 1) < 1e-12)
        #expect(scale.position(0) == 200)
        let flat = ChartScale(covering: [5], from: 0, to: 100)
        #expect(flat.lower < 5 && flat.upper > 5)
    }
}

/// A strict enough check that a page is well formed: every element but the void ones is
/// closed in order, attributes are quoted, and no stray `<` or `&` is left in text.
enum HTMLBalance {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let void: Set<String> = ["meta", "br", "hr", "img", "input", "link", "col", "area", "base", "wbr", "source"]

    static func check(_ html: String) throws {
        var stack: [String] = []
        var rest = Substring(html)
        guard rest.hasPrefix("<!DOCTYPE html>") else { throw Failure(description: "no doctype") }
        rest = rest.dropFirst("<!DOCTYPE html>".count)
        while let open = rest.firstIndex(where: { $0 == "<" || $0 == "&" }) {
            if rest[open] == "&" {
                let entity = rest[open...].prefix { $0 != ";" && $0 != " " && $0 != "<" }
                guard ["&amp", "&lt", "&gt", "&quot", "&#39"].contains(String(entity)) else {
                    throw Failure(description: "bare & near \(rest[open...].prefix(20))")
                }
                rest = rest[rest.index(after: open)...]
                continue
            }
            guard let close = rest[open...].firstIndex(of: ">") else { throw Failure(description: "unclosed tag") }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("/") {
                let name = String(tag.dropFirst())
                guard stack.popLast() == name else { throw Failure(description: "</\(name)> closes \(stack)") }
                continue
            }
            let name = String(tag.prefix { $0.isLetter || $0.isNumber })
            guard !name.isEmpty else { throw Failure(description: "stray < before \(tag.prefix(20))") }
            guard tag.filter({ $0 == "\"" }).count % 2 == 0 else { throw Failure(description: "unbalanced quotes in <\(tag)>") }
            if tag.hasSuffix("/") || void.contains(name) { continue }
            if name == "style" {
                guard let end = rest.firstRange(of: "</style>") else { throw Failure(description: "unclosed style") }
                guard !rest[..<end.lowerBound].contains("<") else { throw Failure(description: "markup in style") }
                rest = rest[end.upperBound...]
                continue
            }
            stack.append(name)
        }
        guard stack.isEmpty else { throw Failure(description: "unclosed \(stack)") }
    }
}
