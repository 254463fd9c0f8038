import JSON
public import Loop
import Postgres
public import Time

/// Reads the audit log. Entries are written inside the transaction of what they record.
@LoopActor
public final class AuditLog {
    let pool: PostgresPool

    init(pool: PostgresPool) { self.pool = pool }

    /// Entries with `from <= at < to`, oldest first, at most `limit`.
    public func entries(from: Timestamp, to: Timestamp, limit: Int) async throws -> [AuditEntry] {
        let rows = try await pool.query("""
            SELECT at, actor, action, resource, detail FROM audit_log
            WHERE at >= $1::timestamptz AND at < $2::timestamptz ORDER BY at, id LIMIT $3
            """, [from.rfc3339, to.rfc3339, limit])
        return rows.map { row in
            AuditEntry(
                at: row[0].timestamp,
                actor: row[1].string ?? "", action: row[2].string ?? "", resource: row[3].string ?? "",
                detail: row[4].string.flatMap { try? JSON.parse($0) } ?? .null)
        }
    }
}
