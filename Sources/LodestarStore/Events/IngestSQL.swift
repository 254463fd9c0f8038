import JSON
import Time
import LodestarCore

/// The statements of an ingest transaction: a batch of any size is a fixed number of
/// statements in two round trips (three when a retry's data must be compared). Rows travel as
/// one JSON parameter each (`jsonb_to_recordset`); ids as `text[]`, because `= ANY($1::text[])`
/// lets the planner see how few ids there are and use the primary key, where a set-returning
/// function's fixed estimate of 100 rows makes it scan the whole table once it has some
/// thousands of rows.
enum IngestSQL {
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
        JOIN contact_events e ON e.source = k.source AND e.event_id = k.event_id
        """

    /// The fold state of the touched contacts that exist (NULL for contacts written before
    /// folds were stored).
    static let storedFolds = "SELECT contact_id, fold::text FROM contacts WHERE contact_id = ANY($1::text[])"

    /// Positions of posted events whose data differs from the stored event of the same key.
    static let differingData = """
        SELECT p.ordinal FROM jsonb_to_recordset($1::jsonb) AS p(ordinal integer, source text, event_id text, data jsonb)
        JOIN contact_events e ON e.source = p.source AND e.event_id = p.event_id
        WHERE e.data_digest <> lodestar_data_digest(p.data)
        """

    /// Every stored event of contacts whose fold must be derived once from their events.
    static let eventsOfContacts = """
        SELECT source, event_id, contact_id, type, occurred_at, body::text
        FROM contact_events WHERE contact_id = ANY($1::text[])
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
        JSONValue.array(events.map { event in
            [
                "source": .string(event.source), "event_id": .string(event.eventID), "contact_id": .string(event.contactID),
                "type": .string(event.type.rawValue), "occurred_at": .string(event.occurredAt.rfc3339), "body": event.raw,
            ]
        }).description
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
