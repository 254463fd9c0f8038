import LodestarCore

extension IndicatorReport {
    /// The table of one section: a column per dimension, then the section's indicators (a
    /// statistic spans mean, p50 and p90).
    func table(_ section: IndicatorSection) -> String {
        let indicators = Indicator.allCases.filter { $0.section == section }
        var head = "<thead><tr>"
        var subhead = ""
        for dimension in groupBy { head += "<th rowspan=\"2\">\(HTMLText.escape(dimension.title))</th>" }
        for indicator in indicators {
            let title = HTMLText.escape(indicator.title)
            if indicator.kind == .statistic {
                head += "<th colspan=\"3\">\(title)</th>"
                subhead += "<th>mean</th><th>p50</th><th>p90</th>"
            } else {
                head += "<th rowspan=\"2\">\(title)</th>"
            }
        }
        head += "</tr><tr>\(subhead)</tr></thead>"
        var body = "<tbody>"
        for row in rows {
            body += "<tr>"
            for value in row.group.values {
                body += value.map { "<td class=\"dim\">\(HTMLText.escape($0.text))</td>" } ?? "<td class=\"dim null\">(none)</td>"
            }
            for indicator in indicators { body += cells(indicator, row.values) }
            body += "</tr>"
        }
        return "<table>\(head)\(body)</tbody></table>"
    }

    private func cells(_ indicator: Indicator, _ values: IndicatorValues) -> String {
        let width = indicator.kind == .statistic ? 3 : 1
        guard let numbers = Self.numbers(values[indicator]) else {
            let cell = values.suppressed.contains(indicator)
                ? "<td class=\"suppressed\" title=\"suppressed: small cell\">*</td>" : "<td class=\"null\">–</td>"
            return String(repeating: cell, count: width)
        }
        return numbers.map { "<td>\(FigureText.value($0, unit: indicator.unit))</td>" }.joined()
    }

    /// A value's numbers (one, or mean, p50 and p90), nil when null.
    static func numbers(_ value: IndicatorValue) -> [Double]? {
        switch value {
        case .count(let count): count.map { [Double($0)] }
        case .rate(let rate): rate.map { [$0] }
        case .statistic(let figures): figures.map { [$0.mean, $0.p50, $0.p90] }
        }
    }
}
