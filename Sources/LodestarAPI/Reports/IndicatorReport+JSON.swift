import JSON
import LodestarCore
import Time

extension IndicatorReport {
    /// The report as `GET /v1/reports/indicators` answers it (SPEC §7): `from`, `to`, `tz`,
    /// `group_by`, and per row its `group`, every indicator of the table and `suppressed`.
    func json(window: (from: String, to: String)) -> JSONValue {
        .object(JSONObject(uniquePairs: [
            ("from", .string(window.from)),
            ("to", .string(window.to)),
            ("tz", .string(timeZone)),
            ("group_by", .array(groupBy.map { .string($0.rawValue) })),
            ("rows", .array(rows.map { row in
                .object(JSONObject(uniquePairs: [
                    ("group", row.group.json(groupBy)),
                    ("indicators", row.values.json),
                    ("suppressed", .array(row.values.suppressed.map { .string($0.rawValue) })),
                ]))
            })),
        ]))
    }
}

extension IndicatorValues {
    /// Every indicator in catalogue order: counts as integers, rates as numbers from 0 to 1,
    /// statistics as `{"mean", "p50", "p90"}`; `null` where suppressed or undefined.
    var json: JSONValue {
        .object(JSONObject(uniquePairs: Indicator.allCases.map { ($0.rawValue, self[$0].json) }))
    }
}

extension IndicatorValue {
    var json: JSONValue {
        switch self {
        case .count(let count): count.map { .int(Int64($0)) } ?? .null
        case .rate(let rate): rate.map(JSONValue.double) ?? .null
        case .statistic(let figures):
            figures.map { .object(JSONObject(uniquePairs: [("mean", .double($0.mean)), ("p50", .double($0.p50)), ("p90", .double($0.p90))])) } ?? .null
        }
    }
}

extension GroupKey {
    /// `{dimension: value}` for the report's dimensions; `null` for a missing attribute,
    /// a number for `ruleset_version`, `YYYY-MM-DD` for a period.
    func json(_ dimensions: [GroupDimension]) -> JSONValue {
        .object(JSONObject(uniquePairs: zip(dimensions, values).map { dimension, value in
            (dimension.rawValue, value?.json ?? .null)
        }))
    }
}

extension GroupValue {
    var json: JSONValue {
        switch self {
        case .text(let text): .string(text)
        case .integer(let number): .int(number)
        case .date(let date): .string(date.rfc3339)
        }
    }
}
