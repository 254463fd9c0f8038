import JSON
import LodestarCore
import Postgres
import Time

/// The statements over `follow_ups` and `follow_up_attempts` (sql/006_follow_ups.sql), and the
/// one mapping of their rows to `FollowUp`.
enum FollowUpSQL {
    /// A follow-up with its attempts in order, for `followUp(_:)`; the table is aliased `f`.
    static let columns = """
        f.id::text AS id, f.contact_id, f.created_at, f.due_at, f.status, f.closed_at, f.overdue_at,
        ARRAY(SELECT a.at FROM follow_up_attempts a WHERE a.follow_up_id = f.id ORDER BY a.n) AS attempt_times,
        ARRAY(SELECT a.outcome FROM follow_up_attempts a WHERE a.follow_up_id = f.id ORDER BY a.n) AS attempt_outcomes
        """

    /// The order of every list: by due time (SPEC §6), then creation and id so pages are stable.
    static let order = "f.due_at, f.created_at, f.id"

    /// `$1` id.
    static let byID = "SELECT \(columns) FROM follow_ups f WHERE f.id = $1::uuid"

    /// A contact's follow-ups for its view (`$1` contact id), oldest first.
    static let ofContact = "SELECT \(columns) FROM follow_ups f WHERE f.contact_id = $1 ORDER BY f.created_at, f.id"

    /// New open follow-ups, any number in one parameter (`creationRecordset`).
    static let insert = """
        INSERT INTO follow_ups (id, contact_id, created_at, due_at)
        SELECT id, contact_id, created_at, due_at FROM jsonb_to_recordset($1::jsonb)
            AS f(id uuid, contact_id text, created_at timestamptz, due_at timestamptz)
        """

    static func creationRecordset(_ followUps: [FollowUp]) -> String {
        var writer = JSONWriter(reservingCapacity: 160 * followUps.count)
        writer.beginArray()
        for followUp in followUps {
            writer.beginObject()
            writer.key("id"); writer.string(followUp.id)
            writer.key("contact_id"); writer.string(followUp.contactID)
            writer.key("created_at"); writer.string(followUp.createdAt.rfc3339)
            writer.key("due_at"); writer.string(followUp.dueAt.rfc3339)
            writer.endObject()
        }
        writer.endArray()
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// A row of `columns` as a follow-up.
    static func followUp(_ row: PostgresRow) throws -> FollowUp {
        guard let id = row[0].string, let contactID = row[1].string, let createdAt = row[2].timestamp,
              let dueAt = row[3].timestamp, let status = row[4].string.flatMap(FollowUpStatus.init(rawValue:)),
              let times = try? row[7].decode([Timestamp].self), let outcomes = try? row[8].decode([String].self),
              times.count == outcomes.count
        else { throw FollowUpStoreCorrupt() }
        var attempts: [FollowUpAttempt] = []
        for (at, text) in zip(times, outcomes) {
            guard let outcome = AttemptOutcome(rawValue: text) else { throw FollowUpStoreCorrupt() }
            attempts.append(FollowUpAttempt(at: at, outcome: outcome))
        }
        return FollowUp(id: id, contactID: contactID, createdAt: createdAt, dueAt: dueAt, status: status,
                        attempts: attempts, closedAt: row[5].timestamp, overdueFlaggedAt: row[6].timestamp)
    }
}

/// A stored follow-up row that cannot be read back (a value the schema's checks forbid).
struct FollowUpStoreCorrupt: Error {}
