import JSON
public import LodestarCore
public import Loop
import Postgres
public import Time

/// What a report asks the database for: the window, the zone of its periods, the grouping and
/// the answer target (SPEC §7; region response targets come from the regions themselves).
public struct IndicatorQuery: Sendable {
    public var from: Timestamp
    public var to: Timestamp
    public var timeZone: String
    public var groupBy: [GroupDimension]
    public var answerTargetSeconds: Double

    public init(from: Timestamp, to: Timestamp, timeZone: String, groupBy: [GroupDimension], answerTargetSeconds: Double) {
        self.from = from
        self.to = to
        self.timeZone = timeZone
        self.groupBy = groupBy
        self.answerTargetSeconds = answerTargetSeconds
    }
}

/// Raw indicator figures straight from the stored records: every committed event, dispatch and
/// follow-up counts the moment it is committed (no refresh step, no batch).
@LoopActor
public final class IndicatorStore {
    let pool: PostgresPool

    init(pool: PostgresPool) { self.pool = pool }

    /// Every group's raw figures in the window, the three families read from one snapshot
    /// (a repeatable-read, read-only transaction: a dispatch committed mid-report cannot
    /// appear in one family and not another). The read is audited (`actor`).
    public func figures(_ query: IndicatorQuery, auditedAs actor: String, report: String) async throws -> [(group: GroupKey, figures: IndicatorFigures)] {
        let statements = FigureFamily.allCases.map { IndicatorSQL(family: $0, groupBy: query.groupBy) }
        return try await pool.transaction { tx in
            _ = try await tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            var batch = PostgresBatch()
            let results = statements.map { batch.add($0.sql, $0.parameters(query)) }
            batch.add(AuditEntry.insertSQL, [AuditEntry.recordset([
                AuditEntry(actor: actor, action: "report.read", resource: report, detail: [
                    "from": .string(query.from.rfc3339), "to": .string(query.to.rfc3339),
                    "group_by": .array(query.groupBy.map { .string($0.rawValue) }),
                ]),
            ])])
            let read = try await tx.execute(batch)
            try read.check()
            var byGroup: [GroupKey: IndicatorFigures] = [:]
            for (statement, result) in zip(statements, results) {
                for row in try read.rows(result) {
                    let (group, figures) = Self.decode(row, statement)
                    byGroup[group, default: IndicatorFigures()].merge(figures)
                }
            }
            return byGroup.map { ($0.key, $0.value) }
        }
    }

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
        for (indicator, _) in statement.family.statistics {
            figures.statistics[indicator] = StatisticSummary(
                n: row[column].int ?? 0, mean: row[column + 1].double, p50: row[column + 2].double, p90: row[column + 3].double)
            column += 4
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
