import LodestarCore

extension IndicatorReport {
    /// The most groups a bar chart draws; the table lists every one.
    static let maximumBars = 40

    /// One indicator's chart: lines over the first period dimension (one per group of the
    /// others) when the report groups by a period, else a bar per group. A statistic is
    /// drawn by its mean.
    func chart(_ indicator: Indicator) -> String {
        let caption = indicator.title + (indicator.kind == .statistic ? " — mean" : "")
        var figure = "<figure><figcaption>\(HTMLText.escape(caption))</figcaption>"
        guard rows.contains(where: { Self.numbers($0.values[indicator]) != nil }) else {
            return figure + "<p class=\"note\">No values to chart.</p></figure>"
        }
        if let periodIndex = groupBy.firstIndex(where: { $0.period != nil }) {
            figure += lineChart(indicator, periodIndex: periodIndex, caption: caption)
        } else {
            let bars = rows.prefix(Self.maximumBars).map { row in
                SVGBarChart.Bar(label: row.group.label, value: Self.numbers(row.values[indicator])?.first,
                                note: row.values.suppressed.contains(indicator) ? "suppressed" : "no value")
            }
            figure += SVGBarChart.render(Array(bars), label: caption, unit: indicator.unit)
            if rows.count > Self.maximumBars {
                figure += "<p class=\"note\">The first \(Self.maximumBars) of \(rows.count) groups; the table lists all.</p>"
            }
        }
        return figure + "</figure>"
    }

    private func lineChart(_ indicator: Indicator, periodIndex: Int, caption: String) -> String {
        let periods = Array(Set(rows.compactMap { $0.group.values[periodIndex] })).sorted()
        var lines: [GroupKey: [Double?]] = [:]
        for row in rows {
            guard let period = row.group.values[periodIndex], let column = periods.firstIndex(of: period) else { continue }
            var others = row.group.values
            others.remove(at: periodIndex)
            lines[GroupKey(others), default: Array(repeating: nil, count: periods.count)][column] = Self.numbers(row.values[indicator])?.first
        }
        let keys = lines.keys.sorted()
        let series = keys.map { SVGLineChart.Series(label: $0.label, values: lines[$0]!) }
        var html = SVGLineChart.render(periods: periods.map { $0.text }, series: series, label: caption, unit: indicator.unit)
        if keys.count > 1 || !keys[0].values.isEmpty {
            html += "<ul class=\"legend\">"
            for (index, key) in keys.prefix(SVGLineChart.paletteSize).enumerated() {
                html += "<li><span class=\"swatch s\(index)\"></span>\(HTMLText.escape(key.label))</li>"
            }
            html += "</ul>"
        }
        if keys.count > SVGLineChart.paletteSize {
            html += "<p class=\"note\">The first \(SVGLineChart.paletteSize) of \(keys.count) groups; the table lists all.</p>"
        }
        return html
    }
}
