import JSON
public import LodestarCore
public import Loop
import Postgres
public import Time

/// Follow-ups (SPEC §6): created, read and listed here, attempted in `+Attempts`, swept for
/// overdue ones in `+Overdue`. Every write and every read is audited in its own transaction,
/// and every creation, closing and overdue flag appends its stream change there too.
@LoopActor
public final class FollowUpStore {
    let pool: PostgresPool
    let appends: ChangeAppends

    init(pool: PostgresPool, appends: ChangeAppends) {
        self.pool = pool
        self.appends = appends
    }

    /// Stores a new follow-up (made by `FollowUpRequests.newFollowUp`) with its audit row and
    /// `created` change, committed before this returns. Throws `FollowUpUnknownContact` when
    /// no contact has its `contact_id`.
    public func create(_ followUp: FollowUp, by actor: String, now: Timestamp) async throws {
        do {
            try await pool.transaction { tx in
                var batch = PostgresBatch()
                FollowUpCreation.add([followUp], by: actor, now: now, to: &batch)
                _ = try await tx.executeAndCommit(batch)
            }
            appends.committed()
        } catch where FollowUpCreation.isUnknownContact(error) {
            throw FollowUpUnknownContact()
        }
    }

    /// The follow-up with its attempts, or nil; the read is audited whether or not it exists.
    public func read(_ id: String, auditedAs actor: String) async throws -> FollowUp? {
        var batch = PostgresBatch()
        let row = batch.add(FollowUpSQL.byID, [id])
        batch.add(Self.auditRead, [actor, "follow_up/\(id)", id])
        // One sync group outside BEGIN is one implicit transaction: the audit row commits with
        // the read or neither happens.
        let results = try await pool.execute(batch)
        try results.check()
        return try results.rows(row).first.map(FollowUpSQL.followUp)
    }

    /// Follow-ups as `filter` says, by due time; `now` decides which are overdue. The list and
    /// its audit row (the filter, and the ids of the follow-ups and contacts shown) are one
    /// statement, so one cannot commit without the other.
    public func list(_ filter: FollowUpFilter, now: Timestamp, auditedAs actor: String) async throws -> [FollowUp] {
        var parameters: [any PostgresEncodable] = [filter.dueBefore, filter.limit, actor, filter.status?.rawValue]
        // Only the overdue condition reads the clock; an unused parameter would have no type.
        if filter.status == .overdue { parameters.append(now) }
        let rows = try await pool.query(Self.listSQL(filter), parameters)
        return try rows.map(FollowUpSQL.followUp)
    }

    static let auditRead = """
        INSERT INTO audit_log (actor, action, resource, detail)
        VALUES ($1, 'follow_up.read', $2, jsonb_build_object('found', EXISTS (SELECT 1 FROM follow_ups WHERE id = $3::uuid)))
        """

    /// `$1` due before, `$2` limit, `$3` actor, `$4` the status asked for, `$5` now (overdue only).
    static func listSQL(_ filter: FollowUpFilter) -> String {
        """
        WITH page AS (
            SELECT \(FollowUpSQL.columns) FROM follow_ups f
            WHERE \(filter.condition)
            ORDER BY \(FollowUpSQL.order) LIMIT $2::integer
        ), audit AS (
            INSERT INTO audit_log (actor, action, resource, detail)
            SELECT $3::text, 'follow_up.list', 'follow_ups', jsonb_build_object(
                'status', $4::text, 'count', count(*),
                'follow_ups', coalesce(jsonb_agg(page.id ORDER BY page.due_at, page.created_at, page.id), '[]'),
                'contacts', coalesce(jsonb_agg(DISTINCT page.contact_id), '[]'))
            FROM page
        )
        SELECT * FROM page ORDER BY due_at, created_at, id COLLATE "C"
        """
    }
}

/// A follow-up for a contact that has no events (so no row): the API's 404.
public struct FollowUpUnknownContact: Error {}
