import LodestarCore
import Time

extension SPCReport {
    /// The charts as one self-contained printable page: per group a control chart, its
    /// signals and its points, with a legend explaining lines, colours and rules.
    var html: String {
        let title = "SPC: " + indicator.title
        var body = "<header><h1>\(HTMLText.escape(title))</h1>"
        body += "<p class=\"meta\">\(HTMLText.escape(descriptionText))</p>"
        body += "<p class=\"meta\">From \(HTMLText.escape(from.rfc3339)) to \(HTMLText.escape(to.rfc3339)) (half-open; \(HTMLText.escape(period.rawValue))s in \(HTMLText.escape(timeZone)))</p>"
        body += legend + "</header>"
        guard !series.isEmpty else {
            return HTMLPage.document(title: title, body: body + "<p>No period in this window has a value.</p>")
        }
        let format = { (value: Double) in FigureText.value(value, unit: indicator.unit) }
        for line in series {
            let label = groupBy.isEmpty ? title : line.group.label
            body += "<section class=\"series\"><h2>\(HTMLText.escape(label))</h2>"
            body += "<p class=\"meta\">Centre \(HTMLText.escape(format(line.centre)))</p>"
            body += "<figure>\(SVGControlChart.render(line, unit: indicator.unit, label: "\(title), \(label)"))</figure>"
            body += signalList(line) + pointTable(line, format: format) + "</section>"
        }
        return HTMLPage.document(title: title, body: body)
    }

    private var descriptionText: String {
        let kind = chart == .p
            ? "p-chart: centre p̄ = Σ numerators ÷ Σ denominators, limits p̄ ± 3√(p̄(1 − p̄)/n) per period, within 0–100%"
            : "XmR chart of period means: centre x̄, limits x̄ ± 2.66 × mean moving range"
        let base = baseline.map { "centre and limits from the first \($0) points, held" } ?? "centre and limits from every point"
        let better = indicator.betterDirection == .higher ? "higher is better" : "lower is better"
        return "\(kind); \(base); \(better)."
    }

    private var legend: String {
        """
        <ul class="legend"><li><span class="key common"></span>common cause variation</li>\
        <li><span class="key improvement"></span>special cause: improvement</li>\
        <li><span class="key concern"></span>special cause: concern</li>\
        <li><span class="key centre"></span>centre line</li>\
        <li><span class="key limit"></span>control limits</li></ul>\
        <dl class="rules"><dt>outside limits</dt><dd>a point beyond a control limit</dd>\
        <dt>shift</dt><dd>7 or more points in a row on one side of the centre line (a point on it breaks the run)</dd>\
        <dt>trend</dt><dd>7 or more points in a row, each higher (or each lower) than the one before</dd>\
        <dt>two of three</dt><dd>2 of 3 points in a row beyond two thirds of the way to a limit, all 3 on that side</dd></dl>
        """
    }

    private func signalList(_ line: SPCSeries) -> String {
        guard !line.signals.isEmpty else { return "<p class=\"note\">No signals: common cause variation only.</p>" }
        var html = "<h3>Signals</h3><table><thead><tr><th>rule</th><th>kind</th><th>periods</th></tr></thead><tbody>"
        for signal in line.signals {
            let periods = signal.points.map { line.points[$0].periodStart.rfc3339 }
            let span = periods.count > 2 ? "\(periods[0]) … \(periods[periods.count - 1]) (\(periods.count) points)" : periods.joined(separator: ", ")
            html += "<tr><td class=\"dim\">\(HTMLText.escape(signal.rule.rawValue.replacing("_", with: " ")))</td>"
            html += "<td class=\"dim\">\(HTMLText.escape(signal.kind.rawValue))</td><td class=\"dim\">\(HTMLText.escape(span))</td></tr>"
        }
        return html + "</tbody></table>"
    }

    private func pointTable(_ line: SPCSeries, format: (Double) -> String) -> String {
        let kinds = SVGControlChart.signalKinds(line)
        var html = "<h3>Points</h3><table><thead><tr><th>period start</th><th>value</th><th>n</th><th>lower limit</th><th>upper limit</th><th>signal</th></tr></thead><tbody>"
        for (index, point) in line.points.enumerated() {
            html += "<tr><td class=\"dim\">\(point.periodStart.rfc3339)</td><td>\(format(point.value))</td><td>\(FigureText.grouped(Int64(point.n)))</td>"
            html += "<td>\(point.lcl.map(format) ?? "–")</td><td>\(point.ucl.map(format) ?? "–")</td>"
            html += "<td class=\"dim\">\(kinds[index]?.rawValue ?? "")</td></tr>"
        }
        return html + "</tbody></table>"
    }
}
