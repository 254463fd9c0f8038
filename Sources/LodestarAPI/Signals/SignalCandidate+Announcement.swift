import JSON
import LodestarCore
import LodestarStore
import Time

extension SignalCandidate {
    /// The signal as the stream announces it (a `signal` message's `data`): the indicator and
    /// its chart, the group, the rule and kind, the period whose close raised it, the chart's
    /// centre and the points that make the signal (as `GET /v1/reports/spc` shows points), and
    /// the chart's window, so a client can draw it with `/v1/reports/spc`.
    func announcement(timeZone: String, zone: ZoneRules) -> SignalAnnouncement {
        let group = series.group.json(groupBy)
        let body: JSONValue = .object(JSONObject(uniquePairs: [
            ("indicator", .string(indicator.rawValue)),
            ("chart", .string(indicator.spcChart?.rawValue ?? "")),
            ("period", .string(period.rawValue)),
            ("tz", .string(timeZone)),
            ("group_by", .array(groupBy.map { .string($0.rawValue) })),
            ("group", group),
            ("rule", .string(signal.rule.rawValue)),
            ("kind", .string(signal.kind.rawValue)),
            ("period_start", .string(raisedBy.rfc3339)),
            ("centre", .double(series.centre)),
            ("points", .array(points.map { $0.json })),
            ("from", .string(zone.start(of: from).rfc3339)),
            ("to", .string(zone.start(of: to).rfc3339)),
        ]))
        return SignalAnnouncement(indicator: indicator.rawValue, period: period.rawValue, timeZone: timeZone, series: group.description,
                                  rule: signal.rule.rawValue, kind: signal.kind.rawValue,
                                  firstPeriod: points[0].periodStart, lastPeriod: raisedBy, body: body)
    }
}
