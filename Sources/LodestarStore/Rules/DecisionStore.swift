import JSON
public import LodestarCore
public import Loop
import Postgres
public import Time

/// Routing decisions as recorded (SPEC §5), read back for replay.
@LoopActor
public final class DecisionStore {
    let pool: PostgresPool

    init(pool: PostgresPool) { self.pool = pool }

    /// The standing decision (that of the latest assessment) of each contact whose latest
    /// assessment lies in `[from, to)`, by contact id after `after`, at most `limit`: a replay
    /// pages through history this way instead of loading it whole.
    public func standing(from: Timestamp, to: Timestamp, after: String?, limit: Int) async throws -> [RecordedDecision] {
        let rows = try await pool.query("""
            SELECT contact_id, rule_id, action, priority, follow_up, follow_up_id IS NOT NULL, source, event_id FROM (
                SELECT DISTINCT ON (d.contact_id) d.contact_id, d.assessed_at, d.rule_id, d.action, d.priority, d.follow_up,
                       d.follow_up_id, d.source, d.event_id
                FROM decisions d
                WHERE d.contact_id IN (SELECT contact_id FROM decisions
                                       WHERE assessed_at >= $1::timestamptz AND assessed_at < $2::timestamptz
                                         AND contact_id > coalesce($3, ''))
                ORDER BY d.contact_id, d.assessed_at DESC, d.decided_at DESC
            ) latest
            WHERE assessed_at >= $1::timestamptz AND assessed_at < $2::timestamptz
            ORDER BY contact_id LIMIT $4
            """, [from.rfc3339, to.rfc3339, after, limit])
        return rows.compactMap { row in
            guard let contactID = row[0].string, let ruleID = row[1].string,
                  let action = row[2].string.flatMap(RoutingAction.init(rawValue:)),
                  let priority = row[3].string.flatMap(DispatchPriority.init(rawValue:)),
                  let createdFollowUp = row[5].bool, let source = row[6].string, let eventID = row[7].string
            else { return nil }
            let followUp = row[4].string.flatMap { try? ISODuration(iso8601: $0) }
            return RecordedDecision(contactID: contactID, ruleID: ruleID, action: action, priority: priority,
                                    followUp: followUp, createdFollowUp: createdFollowUp,
                                    assessment: EventKey(source: source, eventID: eventID))
        }
    }

    /// Every stored event of each of `contactIDs`, by contact, in no particular order.
    public func events(ofContacts contactIDs: [String]) async throws -> [String: [ContactEvent]] {
        let rows = try await pool.query(IngestSQL.eventsOfContacts, [contactIDs])
        return Dictionary(grouping: try rows.map(IngestHandler.storedEvent), by: \.contactID)
    }

    /// Records that `actor` replayed a window (the replay names contacts).
    public func auditReplay(by actor: String, version: Int, contacts: Int, changed: Int) async throws {
        try await pool.query(AuditEntry.insertSQL, [AuditEntry.recordset([
            AuditEntry(actor: actor, action: "routing.replay", resource: "ruleset/\(version)", detail: [
                "contacts": .int(Int64(contacts)), "changed": .int(Int64(changed)),
            ]),
        ])])
    }
}

/// A decision as recorded.
public struct RecordedDecision: Sendable {
    public var contactID: String
    public var ruleID: String
    public var action: RoutingAction
    public var priority: DispatchPriority
    /// The rule's follow-up delay, whether or not a follow-up was created.
    public var followUp: ISODuration?
    /// Whether the decision created a follow-up (not when the caller declined).
    public var createdFollowUp: Bool
    /// The assessment decided.
    public var assessment: EventKey
}
