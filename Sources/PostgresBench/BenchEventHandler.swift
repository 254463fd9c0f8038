import Postgres

/// The baseline's "ingest one contact event" work (schema.sql, ingest.pgbench) for a batch:
/// insert the events, upsert their contacts, as two multi-row statements in one round trip.
struct BenchEventHandler: GroupCommitHandler {
    /// One event, with the ~400-byte JSON body an application would store as received.
    struct Write: Sendable {
        var eventID: String
        var contactID: String
        var body: String

        init(eventID: String, contactID: String, occurredAt: String) {
            self.eventID = eventID
            self.contactID = contactID
            // The same document ingest.pgbench builds with format().
            body = """
                {"event_id": "\(eventID)", "type": "contact.received", "contact_id": "\(contactID)", "occurred_at": "\(occurredAt)", "source": "lodestar", "data": {"channel": "voice", "language": "en", "county": "Multnomah", "age_group": "25-34", "queue": "988-primary", "line_id": "988-OR-01", "caller_type": "self", "routing_reason": "geo-route", "is_veteran": false, "wait_seconds": 12, "transfer_from": null, "tags": ["first-contact", "after-hours"]}}
                """
        }
    }

    func commit(_ writes: [Write], in transaction: PostgresTransaction) async throws -> [Void] {
        let contacts = writes.map { $0.contactID }
        let results = try await transaction.pipeline { batch in
            batch.add(Self.insertEvents, [writes.map { $0.eventID }, contacts, writes.map { $0.body }])
            batch.add(Self.upsertContacts, [contacts])
        }
        try results.check()
        return Array(repeating: (), count: writes.count)
    }

    /// The body is sent as text and parsed by the server (`::jsonb`), as in ingest.pgbench.
    static let insertEvents = """
        INSERT INTO bench_events (source, event_id, contact_id, type, occurred_at, body)
        SELECT 'lodestar', e.event_id, e.contact_id, 'contact.received', now(), e.body::jsonb
        FROM unnest($1::text[], $2::text[], $3::text[]) AS e(event_id, contact_id, body)
        ON CONFLICT DO NOTHING
        """

    /// Grouped by contact: one statement may not update the same row twice, and a batch can
    /// hold several events of one contact.
    static let upsertContacts = """
        INSERT INTO bench_contacts (contact_id, received_at, answered_at, last_event_at, event_count)
        SELECT c.contact_id, now(), NULL::timestamptz, now(), count(*)::int
        FROM unnest($1::text[]) AS c(contact_id)
        GROUP BY c.contact_id
        ON CONFLICT (contact_id) DO UPDATE SET
          received_at   = COALESCE(bench_contacts.received_at, EXCLUDED.received_at),
          answered_at   = COALESCE(bench_contacts.answered_at, EXCLUDED.answered_at),
          last_event_at = GREATEST(bench_contacts.last_event_at, EXCLUDED.last_event_at),
          event_count   = bench_contacts.event_count + EXCLUDED.event_count
        """
}
