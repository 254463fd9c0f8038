import JSON
import Time
import LodestarCore

/// The statements of an ingest transaction: a batch of any size is a fixed number of
/// statements in two round trips (three when a retry's data must be compared). Rows travel as
/// one JSON parameter each (`jsonb_to_recordset`), ids as arrays.
///
/// The transaction runs on generic plans (`genericPlans`), kept by each connection's prepared
/// statements, where the rest of Lodestar plans every statement anew: planning was a fifth of
/// PostgreSQL's time in an ingest transaction (`pg_stat_statements`, plan against execution
/// time). A generic plan is made once, maybe while a fresh database's tables are empty, and
/// kept until the tables' statistics change, so every statement here reads a table only by
/// key, each key probed on its own (`LATERAL (... OFFSET 0)`, which the planner cannot fold
/// into a join): the plan is an index probe whatever the tables hold. A join with the posted
/// keys, or `= ANY($1)`, planned while a table was empty, scanned the whole table on every
/// transaction until autovacuum's next ANALYZE (seen in `pg_stat_user_tables`).
enum IngestSQL {
    /// First in the transaction: its statements use (and keep) generic plans.
    static let genericPlans = "SET LOCAL plan_cache_mode = force_generic_plan"

    /// Serialises the transactions that write the same contacts, in every Lodestar process:
    /// one transaction-scoped advisory lock per contact id (namespace 7301), taken in hash order
    /// so that two transactions never wait for each other in a cycle. It covers contacts that do
    /// not exist yet, which a row lock cannot; and every statement after it sees the events that
    /// earlier holders committed. (A hash collision only makes two contacts share a lock.)
    static let lockContacts = """
        SELECT pg_advisory_xact_lock(7301, h)
        FROM (SELECT DISTINCT hashtext(id) AS h FROM unnest($1::text[]) AS id ORDER BY h) AS ids
        """

    /// The identifying fields of the posted keys that are stored already (`$1` sources, `$2`
    /// event ids, pairwise).
    static let storedHeads = """
        SELECT e.source, e.event_id, e.contact_id, e.type, e.occurred_at
        FROM unnest($1::text[], $2::text[]) AS k(source, event_id)
        CROSS JOIN LATERAL (SELECT s.source, s.event_id, s.contact_id, s.type, s.occurred_at FROM contact_events s
                            WHERE s.source = k.source AND s.event_id = k.event_id OFFSET 0) e
        """

    /// The fold state of the touched contacts that exist (NULL for contacts written before
    /// folds were stored).
    static let storedFolds = """
        SELECT c.contact_id, c.fold
        FROM unnest($1::text[]) AS k(contact_id)
        CROSS JOIN LATERAL (SELECT s.contact_id, s.fold FROM contacts s WHERE s.contact_id = k.contact_id OFFSET 0) c
        """

    /// Positions of posted events whose data differs from the stored event of the same key.
    static let differingData = """
        SELECT p.ordinal FROM jsonb_to_recordset($1::jsonb) AS p(ordinal integer, source text, event_id text, data jsonb)
        CROSS JOIN LATERAL (SELECT s.data_digest FROM contact_events s
                            WHERE s.source = p.source AND s.event_id = p.event_id OFFSET 0) e
        WHERE e.data_digest <> lodestar_data_digest(p.data)
        """

    /// Every stored event of contacts whose fold must be derived once from their events.
    static let eventsOfContacts = """
        SELECT e.source, e.event_id, e.contact_id, e.type, e.occurred_at, e.body::text
        FROM unnest($1::text[]) AS k(contact_id)
        CROSS JOIN LATERAL (SELECT s.source, s.event_id, s.contact_id, s.type, s.occurred_at, s.body FROM contact_events s
                            WHERE s.contact_id = k.contact_id OFFSET 0) e
        """

    /// New events only: the plan has already told duplicates apart, so a key that exists now
    /// was inserted by a concurrent transaction and the unique violation makes ours retry.
    static let insertEvents = """
        INSERT INTO contact_events (source, event_id, contact_id, type, occurred_at, body, data_digest)
        SELECT source, event_id, contact_id, type, occurred_at, body, lodestar_data_digest(body->'data')
        FROM jsonb_to_recordset($1::jsonb)
            AS e(source text, event_id text, contact_id text, type text, occurred_at timestamptz, body jsonb)
        """

    static func eventRecordset(_ events: [ContactEvent]) -> String {
        var writer = JSONWriter(reservingCapacity: 512 * events.count)
        writer.beginArray()
        for event in events {
            writer.beginObject()
            writer.member("source", .string(event.source))
            writer.member("event_id", .string(event.eventID))
            writer.member("contact_id", .string(event.contactID))
            writer.member("type", .string(event.type.rawValue))
            writer.member("occurred_at", .string(event.occurredAt.rfc3339))
            writer.member("body", event.raw)
            writer.endObject()
        }
        writer.endArray()
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    static func dataRecordset(_ occurrences: [(ordinal: Int, event: ContactEvent)]) -> String {
        JSONValue.array(occurrences.map { ordinal, event in
            [
                "ordinal": .int(Int64(ordinal)), "source": .string(event.source), "event_id": .string(event.eventID),
                "data": event.raw.objectValue?["data"] ?? .null,
            ]
        }).description
    }
}
