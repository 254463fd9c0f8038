import JSON
public import Loop
import Postgres
public import Time

/// Reads the audit log. Entries are written inside the transaction of what they record, and a
/// read of the log is itself recorded, in the transaction that reads (SPEC §8).
@LoopActor
public final class AuditLog {
    let pool: PostgresPool

    init(pool: PostgresPool) { self.pool = pool }

    /// Entries with `from <= at < to` (`from` may be left out), oldest first, after
    /// `after` when given, at most `limit`; `next` is where the following page starts when
    /// more remain.
    public func read(from: Timestamp?, to: Timestamp, limit: Int, after: AuditCursor?, by actor: String) async throws -> AuditPage {
        try await pool.transaction { tx in
            var batch = PostgresBatch()
            // A `from` left out is an infinite one, which keeps the condition a range on `at`.
            let page = batch.add("""
                SELECT at, actor, action, resource, detail::text, id FROM audit_log
                WHERE at >= coalesce($1::timestamptz, '-infinity') AND at < $2::timestamptz
                  AND ($4::timestamptz IS NULL OR (at, id) > ($4::timestamptz, $5::bigint))
                ORDER BY at, id LIMIT $3
                """, [from?.rfc3339, to.rfc3339, limit + 1, after?.at.rfc3339, after?.id])
            batch.add(AuditEntry.insertSQL, [AuditEntry.recordset([
                AuditEntry(actor: actor, action: "audit.read", resource: "audit", detail: ["limit": .int(Int64(limit))]),
            ])])
            let results = try await tx.execute(batch)
            try results.check()
            var entries: [AuditEntry] = []
            var cursors: [AuditCursor] = []
            for row in try results.rows(page) {
                guard let at = row[0].timestamp, let id = row[5].int64 else { continue }
                let time = at
                entries.append(AuditEntry(
                    at: time, actor: row[1].string ?? "", action: row[2].string ?? "", resource: row[3].string ?? "",
                    detail: row[4].string.flatMap { try? JSON.parse(Array($0.utf8)) } ?? .null))
                cursors.append(AuditCursor(at: time, id: id))
            }
            guard entries.count > limit else { return AuditPage(entries: entries, next: nil) }
            return AuditPage(entries: Array(entries.prefix(limit)), next: cursors[limit - 1])
        }
    }
}

/// One page of the audit log.
public struct AuditPage: Sendable {
    public var entries: [AuditEntry]
    public var next: AuditCursor?
}

/// The position of an audit entry in the log's order (time, then id).
public struct AuditCursor: Sendable, Equatable {
    public var at: Timestamp
    public var id: Int64

    public init(at: Timestamp, id: Int64) {
        self.at = at
        self.id = id
    }

    /// `<microseconds since the epoch>.<id>`: digits and one dot, safe in a query string.
    public var text: String { "\(at.microseconds).\(id)" }

    public init?(text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let micros = Int64(parts[0]), let id = Int64(parts[1]) else { return nil }
        self.init(at: Timestamp(microseconds: micros), id: id)
    }
}
