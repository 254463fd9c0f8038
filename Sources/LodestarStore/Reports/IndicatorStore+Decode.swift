import LodestarCore
import Postgres
import Time

extension IndicatorStore {
    /// One row of an `IndicatorSQL`: its group and the figures of its family.
    static func decode(_ row: PostgresRow, _ statement: IndicatorSQL) -> (GroupKey, IndicatorFigures) {
        var column = 0
        var values: [GroupValue?] = []
        for dimension in statement.groupBy {
            defer { column += 1 }
            switch dimension {
            case .day, .week, .month: values.append(row[column].int64.map { .date(CivilDate(daysSinceEpoch: $0)) })
            case .rulesetVersion: values.append(row[column].int64.map(GroupValue.integer))
            default: values.append(row[column].string.map(GroupValue.text))
            }
        }
        var figures = IndicatorFigures()
        for (tally, _) in statement.family.tallies {
            figures[tally] = row[column].int ?? 0
            column += 1
        }
        for indicator in statement.family.statistics.map({ $0.0 }) where statement.statistics.contains(indicator) {
            let n = row[column].int ?? 0
            // `avg(float8)` is this very division of the running sum.
            let mean = n > 0 ? row[column + 1].double.map { $0 / Double(n) } : nil
            let p50 = statement.percentiles ? row[column + 2].double : nil
            let p90 = statement.percentiles ? row[column + 3].double : nil
            figures.statistics[indicator] = StatisticSummary(n: n, mean: mean, p50: p50, p90: p90)
            column += statement.percentiles ? 4 : 2
        }
        return (GroupKey(values), figures)
    }
}

extension IndicatorFigures {
    /// Adds another family's figures for the same group (families fill disjoint figures).
    mutating func merge(_ other: IndicatorFigures) {
        tallies.merge(other.tallies) { $0 + $1 }
        statistics.merge(other.statistics) { _, new in new }
    }
}
