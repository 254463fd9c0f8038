import HTTP
import LodestarCore
import Time
import ZoneInfo

/// The query parameters both report routes share (SPEC §7): the half-open window, the zone of
/// the periods, the grouping and the format. Every problem is gathered into one 422.
struct ReportParameters {
    enum Format: String { case json, csv, html }

    var from: Timestamp
    var to: Timestamp
    /// `from` and `to` exactly as sent, which the JSON answers echo: a client comparing the
    /// window it asked for with the one answered finds its own text, not a reformatting.
    var window: (from: String, to: String)
    var timeZone: String
    var groupBy: [GroupDimension]
    var format: Format

    /// Reads the shared parameters into `query`'s problems; nil when any is wrong (the caller
    /// still reads its own parameters, then throws `Problem.validation(query.errors)`).
    static func read(_ query: inout QueryReader, formats: [Format], periodsInGroupBy: Bool) -> ReportParameters? {
        let fromText = query.string("from", required: true), toText = query.string("to", required: true)
        let from = fromText.flatMap { query.timestamp(named: "from", parsing: $0) }
        let to = toText.flatMap { query.timestamp(named: "to", parsing: $0) }
        if let from, let to, to <= from { query.fail("to", "must be after from") }
        let timeZone = query.string("tz") ?? "UTC"
        var zoneIsKnown = true
        do {
            _ = try ZoneInfoDatabase.system.rules(named: timeZone)
        } catch {
            zoneIsKnown = false
            query.fail("tz", "must be an IANA time zone name, such as America/Chicago")
        }
        var groupBy: [GroupDimension]?
        do throws(IndicatorQueryError) {
            groupBy = try GroupDimension.parseList(query.string("group_by") ?? "", allowingPeriods: periodsInGroupBy)
        } catch {
            query.fail(error.parameter, error.message)
        }
        let formatName = query.string("format") ?? "json"
        let format = Format(rawValue: formatName).flatMap { formats.contains($0) ? $0 : nil }
        if format == nil { query.fail("format", "must be one of: \(formats.map { $0.rawValue }.joined(separator: ", "))") }
        guard let from, let to, let fromText, let toText, to > from, zoneIsKnown, let groupBy, let format else { return nil }
        return ReportParameters(from: from, to: to, window: (fromText, toText), timeZone: timeZone, groupBy: groupBy, format: format)
    }
}
