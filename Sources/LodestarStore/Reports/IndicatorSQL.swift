import LodestarCore
import Time

/// The statement that computes one family's raw figures for a window, grouped.
///
/// Columns: one per dimension (in `group_by` order), then one per tally of the family, then per
/// statistic its count and sum, and with `percentiles` its p50 and p90 (`percentile_cont`, like
/// SPEC §7). Each record's group values, conditions and durations are computed once, in a
/// derived table, and the aggregates read them: a duration feeds four aggregates, and the two
/// percentiles of one duration share one sort.
struct IndicatorSQL {
    let family: FigureFamily
    let groupBy: [GroupDimension]
    /// The statistics summarised (a subset of the family's).
    let statistics: [Indicator]
    let percentiles: Bool
    let sql: String
    /// Placeholders in order: `from`, `to`, then the zone and the answer target when used.
    let usesZone: Bool
    let usesAnswerTarget: Bool

    init(family: FigureFamily, groupBy: [GroupDimension], statistics: [Indicator], percentiles: Bool) {
        self.family = family
        self.groupBy = groupBy
        self.statistics = statistics
        self.percentiles = percentiles
        var inner = groupBy.enumerated().map { "\(family.expression($1)) AS g\($0)" }
        var outer = groupBy.indices.map { "g\($0)" }
        for (index, (_, condition)) in family.tallies.enumerated() {
            if condition == "true" {
                outer.append("count(*)")
            } else {
                inner.append("\(condition) AS t\(index)")
                outer.append("count(*) FILTER (WHERE t\(index))")
            }
        }
        let values = family.statistics.filter { statistics.contains($0.0) }
        for (index, (_, value)) in values.enumerated() {
            inner.append("\(value) AS v\(index)")
            outer += ["count(v\(index))", "sum(v\(index))"]
            if percentiles {
                outer += ["percentile_cont(0.5) WITHIN GROUP (ORDER BY v\(index))", "percentile_cont(0.9) WITHIN GROUP (ORDER BY v\(index))"]
            }
        }
        if inner.isEmpty { inner.append("1") }
        var text = """
            SELECT \(outer.joined(separator: ", "))
            FROM (SELECT \(inner.joined(separator: ",\n             "))
                  FROM \(family.from(withScene: statistics.contains(.contactToSceneMinutes),
                                     withContact: groupBy.contains { $0.isContactAttribute }))
                  WHERE \(family.anchor) >= $1::timestamptz AND \(family.anchor) < $2::timestamptz) AS r
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
