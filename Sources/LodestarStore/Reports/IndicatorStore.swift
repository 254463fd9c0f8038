import JSON
public import LodestarCore
public import Loop
import Postgres
import Time

/// Raw indicator figures straight from the stored records: every committed event, dispatch and
/// follow-up counts the moment it is committed (no refresh step, no batch).
@LoopActor
public final class IndicatorStore {
    let pool: PostgresPool
    /// Reports that may read on a second connection at once. Each holds one connection while it
    /// waits for another, so they are kept to a quarter of the pool: the rest of the pool is
    /// always held by work that ends without waiting, and such a wait always ends.
    private var spareReaders: Int

    init(pool: PostgresPool) {
        self.pool = pool
        spareReaders = pool.configuration.size / 4
    }

    /// Every group's raw figures in the window, audited as a read by `actor` of `report`.
    public func figures(_ query: IndicatorQuery, auditedAs actor: String, report: String) async throws -> [(group: GroupKey, figures: IndicatorFigures)] {
        try await figures(query, audit: AuditEntry(actor: actor, action: "report.read", resource: report, detail: [
            "from": .string(query.from.rfc3339), "to": .string(query.to.rfc3339),
            "group_by": .array(query.groupBy.map { .string($0.rawValue) }),
        ]))
    }

    /// Every group's raw figures in the window, the families read from one snapshot (a
    /// repeatable-read transaction: a dispatch committed mid-report cannot appear in one family
    /// and not another), with `audit` written in it.
    ///
    /// The contacts' statement, the heaviest, runs on this transaction's connection while the
    /// other families run on a second connection in a transaction that imports its snapshot
    /// (`pg_export_snapshot`): the database works on both at once. When no second reader is
    /// spare, every statement runs here, one after the other.
    public func figures(_ query: IndicatorQuery, audit: AuditEntry?) async throws -> [(group: GroupKey, figures: IndicatorFigures)] {
        let statements = query.statements
        let parallel = statements.count > 1 && spareReaders > 0
        if parallel { spareReaders -= 1 }
        defer { if parallel { spareReaders += 1 } }
        let local = parallel ? Array(statements.prefix(1)) : statements
        return try await pool.transaction { tx in
            var batch = PostgresBatch()
            batch.add("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            Self.tune(&batch)
            var snapshot: String?
            if parallel {
                let export = batch.add("SELECT pg_export_snapshot()")
                let opened = try await tx.execute(batch)
                try opened.check()
                guard let id = try opened.rows(export).first?[0].string else { throw IngestStoreCorrupt() }
                snapshot = id
                batch = PostgresBatch()
            }
            async let others = read(parallel ? Array(statements.dropFirst()) : [], query, snapshot: snapshot)
            let results = local.map { batch.add($0.sql, $0.parameters(query)) }
            if let audit { batch.add(AuditEntry.insertSQL, [AuditEntry.recordset([audit])]) }
            let read = try await tx.execute(batch)
            try read.check()
            let mine = try zip(local, results).flatMap { statement, handle in try read.rows(handle).map { Self.decode($0, statement) } }
            return Self.merge(mine + (try await others))
        }
    }

    /// `statements` in a read-only transaction on another connection, seeing `snapshot`.
    private func read(_ statements: [IndicatorSQL], _ query: IndicatorQuery, snapshot: String?) async throws -> [(GroupKey, IndicatorFigures)] {
        // The id comes from PostgreSQL (hexadecimal digits and dashes); SET takes no parameters.
        guard let snapshot, !statements.isEmpty else { return [] }
        guard snapshot.utf8.allSatisfy({ $0 == 0x2D || (0x30...0x39).contains($0) || (0x41...0x46).contains($0) }) else {
            throw IngestStoreCorrupt()
        }
        return try await pool.transaction { tx in
            var batch = PostgresBatch()
            batch.add("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            batch.add("SET TRANSACTION SNAPSHOT '\(snapshot)'")
            Self.tune(&batch)
            let results = statements.map { batch.add($0.sql, $0.parameters(query)) }
            let read = try await tx.execute(batch)
            try read.check()
            return try zip(statements, results).flatMap { statement, handle in try read.rows(handle).map { Self.decode($0, statement) } }
        }
    }

    /// A report sorts a quarter's durations in memory rather than on disk, and is not worth
    /// compiling: JIT spends more than it saves on statements this size.
    private static func tune(_ batch: inout PostgresBatch) {
        batch.add("SET LOCAL work_mem = '64MB'")
        batch.add("SET LOCAL jit = off")
    }

    /// One entry per group, the families' figures together.
    private static func merge(_ rows: [(GroupKey, IndicatorFigures)]) -> [(group: GroupKey, figures: IndicatorFigures)] {
        var byGroup: [GroupKey: IndicatorFigures] = [:]
        for (group, figures) in rows { byGroup[group, default: IndicatorFigures()].merge(figures) }
        return byGroup.map { ($0.key, $0.value) }
    }
}
