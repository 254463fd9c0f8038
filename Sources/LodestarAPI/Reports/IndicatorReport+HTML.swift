import LodestarCore
import Time

extension IndicatorReport {
    /// The report as one self-contained printable page: the window and grouping, a table per
    /// part of the service (contacts, dispatch, follow-up), and a chart per indicator.
    var html: String {
        var body = "<header><h1>Quality indicators</h1>"
        body += "<p class=\"meta\">\(HTMLText.escape(windowText))</p>"
        body += "<p class=\"meta\">Grouped by: \(HTMLText.escape(groupBy.isEmpty ? "nothing (all figures together)" : groupBy.map { $0.title }.joined(separator: ", ")))</p>"
        body += "<p class=\"note\">\(HTMLText.escape(suppressionText))</p></header>"
        guard !rows.isEmpty else {
            return HTMLPage.document(title: "Quality indicators", body: body + "<p>No figures in this window.</p>")
        }
        for section in IndicatorSection.allCases {
            body += "<section><h2>\(HTMLText.escape(section.title))</h2><div class=\"scroll\">\(table(section))</div></section>"
        }
        body += "<section class=\"charts-section\"><h2>Charts</h2><div class=\"charts\">"
        for indicator in Indicator.allCases { body += chart(indicator) }
        body += "</div></section>"
        return HTMLPage.document(title: "Quality indicators", body: body)
    }

    private var windowText: String {
        "From \(from.rfc3339) to \(to.rfc3339) (half-open; periods in \(timeZone))"
    }

    private var suppressionText: String {
        guard policy.isEnabled else { return "Small-cell suppression is off: every count is shown. – no value." }
        return "* suppressed: a count from 1 to \(policy.threshold - 1) is withheld, and every rate or statistic "
            + "from which one could be derived. – no value (nothing to divide by, or no durations)."
    }
}
