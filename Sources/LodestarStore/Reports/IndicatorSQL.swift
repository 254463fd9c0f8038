import LodestarCore
import Time

/// The statement that computes one family's raw figures for a window, grouped.
///
/// Columns: one per dimension (in `group_by` order), then one per tally of the family, then
/// four per statistic (`n`, mean, p50, p90; percentiles as `percentile_cont`, like SPEC §7).
struct IndicatorSQL {
    let family: FigureFamily
    let groupBy: [GroupDimension]
    let sql: String
    /// Placeholders in order: `from`, `to`, then the zone and the answer target when used.
    let usesZone: Bool
    let usesAnswerTarget: Bool

    init(family: FigureFamily, groupBy: [GroupDimension]) {
        self.family = family
        self.groupBy = groupBy
        var columns = groupBy.map(family.expression)
        for (_, condition) in family.tallies {
            columns.append(condition == "true" ? "count(*)" : "count(*) FILTER (WHERE \(condition))")
        }
        for (_, value) in family.statistics {
            columns += [
                "count(\(value))", "avg(\(value))",
                "percentile_cont(0.5) WITHIN GROUP (ORDER BY \(value))",
                "percentile_cont(0.9) WITHIN GROUP (ORDER BY \(value))",
            ]
        }
        var text = """
            SELECT \(columns.joined(separator: ",\n       "))
            FROM \(family.from)
            WHERE \(family.anchor) >= $1::timestamptz AND \(family.anchor) < $2::timestamptz
            """
        if !groupBy.isEmpty {
            text += "\nGROUP BY " + (1...groupBy.count).map(String.init).joined(separator: ", ")
        }
        // Numbered in order of first use, so that no placeholder goes unused (PostgreSQL cannot
        // type a parameter no statement mentions).
        var next = 3
        usesZone = text.contains("$tz")
        if usesZone {
            text = text.replacing("$tz", with: "$\(next)::text")
            next += 1
        }
        usesAnswerTarget = text.contains("$target")
        if usesAnswerTarget { text = text.replacing("$target", with: "$\(next)::float8") }
        sql = text
    }

    /// The statement's parameters.
    func parameters(_ query: IndicatorQuery) -> [String] {
        var values = [query.from.rfc3339, query.to.rfc3339]
        if usesZone { values.append(query.timeZone) }
        if usesAnswerTarget { values.append(String(query.answerTargetSeconds)) }
        return values
    }
}
