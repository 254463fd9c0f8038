public import LodestarCore
import JSON
public import Loop
import Postgres

/// Reads a contact's events, recording the read in the audit log in the same transaction, so
/// that no contact data leaves the database without its audit row being committed.
@LoopActor
public final class ContactStore {
    let pool: PostgresPool

    init(pool: PostgresPool) { self.pool = pool }

    /// Every stored event of the contact (empty for an unknown contact), unordered.
    public func readEvents(of contactID: String, auditedAs actor: String) async throws -> [ContactEvent] {
        try await pool.transaction { tx in
            let rows = try await tx.query("SELECT source, body::text FROM contact_events WHERE contact_id = $1", [contactID])
            _ = try await tx.query(AuditEntry.insertSQL, [AuditEntry.recordset([
                AuditEntry(actor: actor, action: "contact.read", resource: "contact/\(contactID)", detail: ["found": .bool(!rows.isEmpty)]),
            ])])
            return try rows.map { row in try StoredEvent.decode(source: row[0].string, body: row[1].string) }
        }
    }
}

/// Turns a stored event row back into a validated event (bodies are stored as received).
enum StoredEvent {
    struct Corrupt: Error {}

    static func decode(source: String?, body: String?) throws -> ContactEvent {
        guard let source, let body, let json = try? JSON.parse(Array(body.utf8)),
              let event = try? EventValidation().validate(body: json, defaultSource: source).first
        else { throw Corrupt() }
        return event
    }
}
