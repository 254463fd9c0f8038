import JSON
public import LodestarCore
public import Postgres
public import Time

/// Creating follow-ups inside a caller's transaction: the one way follow-ups are written, used
/// by `POST /v1/follow-ups` and meant for routing decisions, which create theirs in the ingest
/// transaction (SPEC §5: created at the assessment's `occurred_at`, due that plus the rule's
/// duration). For a decision:
///
/// ```swift
/// let followUp = try FollowUpCreation.make(contactID: id, createdAt: assessment.occurredAt, within: duration)
/// decision["follow_up"] = ["id": .string(followUp.id), "due_at": .string(followUp.dueAt.rfc3339)]
/// FollowUpCreation.add([followUp], by: post.actor, now: now, to: &lastBatch)   // before its COMMIT
/// ```
///
/// The id is made before the insert, so nothing has to be read back; `add` appends three
/// statements whatever the number of follow-ups (rows, audit, stream changes). The foreign key
/// to `contacts` is checked at COMMIT, so the contact's row may be written anywhere in the same
/// transaction; a follow-up for a contact that has no row fails the COMMIT with SQLSTATE 23503
/// on constraint `follow_ups_contact_id_fkey`.
public enum FollowUpCreation {
    /// A new open follow-up with a fresh id, created at `createdAt` and due `within` later.
    /// Throws only for a duration that would fall due after 9999-12-31.
    public static func make(contactID: String, createdAt: Timestamp, within: ISODuration) throws(FollowUpScheduleError) -> FollowUp {
        try FollowUp.opened(id: FollowUpID.make(), contactID: contactID, createdAt: createdAt, due: .within(within))
    }

    /// Appends the creation of `followUps` (open, without attempts) to `batch`: their rows, an
    /// audit row each (`follow_up.create` by `actor`, naming the contact and the due time), and
    /// a `follow_up` stream change each with `"change": "created"` (`overdue` as of `now`).
    public static func add(_ followUps: [FollowUp], by actor: String, now: Timestamp, to batch: inout PostgresBatch) {
        guard !followUps.isEmpty else { return }
        batch.add(FollowUpSQL.insert, [FollowUpSQL.creationRecordset(followUps)])
        batch.add(AuditEntry.insertSQL, [AuditEntry.recordset(followUps.map { auditEntry($0, by: actor) })])
        batch.add(Change.insertSQL, [Change.recordset(followUps.map { announcement($0, now: now) })])
    }

    /// The audit row of a created follow-up (for a caller writing its audit rows with others').
    static func auditEntry(_ followUp: FollowUp, by actor: String) -> AuditEntry {
        AuditEntry(actor: actor, action: "follow_up.create", resource: "follow_up/\(followUp.id)", detail: [
            "contact_id": .string(followUp.contactID), "due_at": .string(followUp.dueAt.rfc3339),
        ])
    }

    /// The stream change announcing a created follow-up (`overdue` as of `now`).
    static func announcement(_ followUp: FollowUp, now: Timestamp) -> Change {
        Change(kind: .followUp, body: followUp.announcement(.created, now: now))
    }

    /// Whether `error` is the COMMIT refusing a follow-up whose contact has no row.
    public static func isUnknownContact(_ error: any Error) -> Bool {
        guard let error = error as? PostgresError else { return false }
        return error.sqlState == "23503" && error.constraint == "follow_ups_contact_id_fkey"
    }
}
