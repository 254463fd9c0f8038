import JSON
import LodestarCore
import Time

extension SPCReport {
    /// The charts as `GET /v1/reports/spc` answers them (SPEC §7): `indicator`, `chart` and
    /// per group its `centre`, `points` (`period_start`, `value`, `n`, `lcl`, `ucl`) and
    /// `signals`; with the query that made them (`period`, window, zone, grouping, baseline).
    func json(window: (from: String, to: String)) -> JSONValue {
        .object(JSONObject(uniquePairs: [
            ("indicator", .string(indicator.rawValue)),
            ("chart", .string(chart.rawValue)),
            ("period", .string(period.rawValue)),
            ("from", .string(window.from)),
            ("to", .string(window.to)),
            ("tz", .string(timeZone)),
            ("group_by", .array(groupBy.map { .string($0.rawValue) })),
            ("baseline", baseline.map { .int(Int64($0)) } ?? .null),
            ("series", .array(series.map { $0.json(groupBy) })),
        ]))
    }
}

extension SPCSeries {
    func json(_ dimensions: [GroupDimension]) -> JSONValue {
        .object(JSONObject(uniquePairs: [
            ("group", group.json(dimensions)),
            ("centre", .double(centre)),
            ("points", .array(points.map { $0.json })),
            ("signals", .array(signals.map { $0.json })),
        ]))
    }
}

extension SPCPoint {
    var json: JSONValue {
        .object(JSONObject(uniquePairs: [
            ("period_start", .string(periodStart.rfc3339)),
            ("value", .double(value)),
            ("n", .int(Int64(n))),
            ("lcl", lcl.map(JSONValue.double) ?? .null),
            ("ucl", ucl.map(JSONValue.double) ?? .null),
        ]))
    }
}

extension SPCSignal {
    /// Also the `data` of a `signal` stream message, with the indicator and group beside it.
    var json: JSONValue {
        .object(JSONObject(uniquePairs: [
            ("rule", .string(rule.rawValue)),
            ("points", .array(points.map { .int(Int64($0)) })),
            ("kind", .string(kind.rawValue)),
        ]))
    }
}
