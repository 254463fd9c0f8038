import JSON

/// Compares a report's JSON with the rows the test expects, and says every difference.
enum ReportComparison {
    /// Differences between `report` and `expected` (one line each; none when they agree):
    /// groups missing or extra, figures that differ, `suppressed` lists that differ.
    static func differences(_ report: JSONValue, _ expected: [[String?]: ExpectedCell], groupBy: [String], suppress: Bool) -> [String] {
        var problems: [String] = []
        guard let rows = report["rows"]?.arrayValue else { return ["no rows in \(report)"] }
        var seen = Set<[String?]>()
        for row in rows {
            let key = groupBy.map { dimension -> String? in
                switch row["group"]?[dimension] {
                case .string(let text)?: text
                case .int(let number)?: String(number)
                default: nil
                }
            }
            let label = key.map { $0 ?? "null" }.joined(separator: "|")
            guard seen.insert(key).inserted else { problems.append("group \(label) twice"); continue }
            guard let cell = expected[key] else { problems.append("unexpected group \(label)"); continue }
            let indicators = cell.indicators(suppress: suppress)
            for (name, value, _) in indicators {
                if let difference = difference(row["indicators"]?[name], value) { problems.append("\(label) \(name): \(difference)") }
            }
            let suppressed = indicators.filter(\.suppressed).map { JSONValue.string($0.name) }
            if row["suppressed"] != .array(suppressed) {
                problems.append("\(label) suppressed: got \(row["suppressed"].map { "\($0)" } ?? "nothing"), expected \(JSONValue.array(suppressed))")
            }
        }
        for key in expected.keys where !seen.contains(key) {
            problems.append("missing group \(key.map { $0 ?? "null" }.joined(separator: "|"))")
        }
        return problems
    }

    private static func difference(_ actual: JSONValue?, _ expected: ExpectedCell.Value) -> String? {
        switch expected {
        case .count(let count):
            return actual == (count.map { .int(Int64($0)) } ?? .null) ? nil : "got \(actual.map { "\($0)" } ?? "nothing"), expected \(count.map(String.init) ?? "null")"
        case .rate(let rate):
            guard let rate else { return actual == .null ? nil : "got \(actual.map { "\($0)" } ?? "nothing"), expected null" }
            return close(actual?.doubleValue, rate) ? nil : "got \(actual.map { "\($0)" } ?? "nothing"), expected \(rate)"
        case .noStatistic:
            return actual == .null ? nil : "got \(actual.map { "\($0)" } ?? "nothing"), expected null"
        case .statistic(let mean, let p50, let p90):
            let agrees = close(actual?["mean"]?.doubleValue, mean) && close(actual?["p50"]?.doubleValue, p50) && close(actual?["p90"]?.doubleValue, p90)
            return agrees ? nil : "got \(actual.map { "\($0)" } ?? "nothing"), expected mean \(mean) p50 \(p50) p90 \(p90)"
        }
    }

    /// Equal but for rounding in the last digits (sums taken in another order, epochs as numeric).
    static func close(_ actual: Double?, _ expected: Double) -> Bool {
        guard let actual else { return false }
        return abs(actual - expected) <= 1e-9 * max(1, abs(expected))
    }
}
