import LodestarCore

extension IndicatorReport {
    /// The report as CSV (SPEC §7): a header, then one record per group: a column per
    /// dimension, then one per figure (a statistic as `name_mean`, `name_p50`, `name_p90`).
    /// Nulls (a missing attribute, a suppressed or undefined figure) are empty fields;
    /// numbers are written as in the JSON.
    var csv: String {
        var header: [String?] = groupBy.map { $0.rawValue }
        for indicator in Indicator.allCases {
            if indicator.kind == .statistic {
                header += ["mean", "p50", "p90"].map { "\(indicator.rawValue)_\($0)" }
            } else {
                header.append(indicator.rawValue)
            }
        }
        var text = CSVText.record(header)
        for row in rows {
            var fields: [String?] = row.group.values.map { $0.map { CSVText.text($0.text) } }
            for indicator in Indicator.allCases {
                switch row.values[indicator] {
                case .count(let count): fields.append(count.map { String($0) })
                case .rate(let rate): fields.append(rate.map { $0.description })
                case .statistic(let figures): fields += [figures?.mean, figures?.p50, figures?.p90].map { $0?.description }
                }
            }
            text += CSVText.record(fields)
        }
        return text
    }
}
