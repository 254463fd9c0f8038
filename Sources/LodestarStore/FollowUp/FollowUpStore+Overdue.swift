import JSON
import LodestarCore
import Postgres
public import Time

extension FollowUpStore {
    /// The most follow-ups one transaction of a sweep flags; a sweep goes on until it flags fewer.
    static let overdueBatchSize = 500

    /// One overdue sweep as of `cutoff`: flags every open, unflagged follow-up due before it,
    /// announcing each (`"change": "overdue"`) and auditing them (as `lodestar`) in the same
    /// transaction; then counts the open follow-ups overdue. Returns both counts.
    ///
    /// Flagging is a conditional update of rows locked with SKIP LOCKED: processes sweeping at
    /// once take disjoint rows, and a row another sweep or an attempt holds is left to the next
    /// sweep, which sees it flagged or closed and leaves it. So each follow-up is flagged and
    /// announced once, by one process, however many sweep.
    public func sweepOverdue(cutoff: Timestamp) async throws -> (flagged: Int, openOverdue: Int) {
        var flagged = 0
        while true {
            let count = try await flagOverdueBatch(cutoff: cutoff)
            flagged += count
            if count < Self.overdueBatchSize { break }
        }
        let rows = try await pool.query(Self.countOpenOverdue, [cutoff])
        return (flagged, rows.first?[0].int ?? 0)
    }

    private func flagOverdueBatch(cutoff: Timestamp) async throws -> Int {
        try await pool.transaction { tx in
            let ids = try await tx.query(Self.flagOverdue, [cutoff, Self.overdueBatchSize]).compactMap { $0[0].string }
            guard !ids.isEmpty else { return 0 }
            let rows = try await tx.query("SELECT \(FollowUpSQL.columns) FROM follow_ups f WHERE f.id = ANY($1::uuid[]) ORDER BY \(FollowUpSQL.order)", [ids])
            let followUps = try rows.map(FollowUpSQL.followUp)
            var write = PostgresBatch()
            write.add(Change.insertSQL, [Change.recordset(followUps.map { Change(kind: .followUp, body: $0.announcement(.overdue, now: cutoff)) })])
            write.add(AuditEntry.insertSQL, [AuditEntry.recordset([
                AuditEntry(actor: "lodestar", action: "follow_up.overdue", resource: "follow_ups", detail: [
                    "follow_ups": .array(followUps.map { .string($0.id) }),
                ]),
            ])])
            _ = try await tx.executeAndCommit(write)
            appends.committed()
            return followUps.count
        }
    }

    /// `$1` cutoff, `$2` batch size. The outer conditions repeat the inner ones: the row an
    /// UPDATE finally writes is its latest version.
    static let flagOverdue = """
        WITH due AS (
            SELECT id FROM follow_ups
            WHERE status = 'open' AND overdue_at IS NULL AND due_at < $1::timestamptz
            ORDER BY due_at LIMIT $2::integer
            FOR NO KEY UPDATE SKIP LOCKED
        )
        UPDATE follow_ups f SET overdue_at = $1::timestamptz
        FROM due WHERE f.id = due.id AND f.status = 'open' AND f.overdue_at IS NULL
        RETURNING f.id::text
        """

    /// `$1` now: open follow-ups past due, or flagged by a sweep whose clock ran ahead.
    static let countOpenOverdue = """
        SELECT count(*) FROM follow_ups WHERE status = 'open' AND (due_at < $1::timestamptz OR overdue_at IS NOT NULL)
        """
}
