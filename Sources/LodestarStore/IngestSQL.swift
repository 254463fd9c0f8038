import JSON
import LodestarCore
import Time

/// The statements of an ingest transaction: a batch of any size is a fixed number of
/// statements in two round trips. Rows travel as one JSON parameter each (`jsonb_to_recordset`); contact ids as a
/// `text[]`, because `= ANY($1::text[])` lets the planner see how few ids there are and use
/// the primary key, where a set-returning function's fixed estimate of 100 rows makes it scan
/// the whole table once the table has some thousands of rows.
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

    static let insertEvents = """
        INSERT INTO contact_events (source, event_id, contact_id, type, occurred_at, body)
        SELECT source, event_id, contact_id, type, occurred_at, body FROM jsonb_to_recordset($1::jsonb)
            AS e(source text, event_id text, contact_id text, type text, occurred_at timestamptz, body jsonb)
        ON CONFLICT DO NOTHING
        RETURNING source, event_id
        """

    /// All events, this transaction's included, of the contacts that had events before it.
    static let eventsOfKnownContacts = """
        SELECT e.source, e.body::text FROM contacts c JOIN contact_events e USING (contact_id)
        WHERE c.contact_id = ANY($1::text[])
        """

    /// The derived columns of `contacts`, as `jsonb_to_recordset` reads them.
    private static let stateColumns = """
        contact_id text, channel text, line text, region text, language text,
        caller_age integer, caller_gender text, caller_race_ethnicity text, caller_zip text,
        location_lat double precision, location_lon double precision,
        received_at timestamptz, answered_at timestamptz, abandoned_at timestamptz, abandoned boolean,
        transferred_to text, transferred_at timestamptz, risk_level text, flags text[],
        consent_follow_up boolean, assessed_at timestamptz, closed_at timestamptz, disposition text,
        event_count integer
        """

    private static let stateColumnNames = stateColumns.split(separator: ",").map {
        $0.trimmingPrefix(while: \.isWhitespace).prefix { !$0.isWhitespace }
    }

    /// Writes each touched contact's whole derived state: a new contact in one insert, a known
    /// one replaced (its state is derived from all its events, so nothing is merged here).
    static let upsertContacts = """
        INSERT INTO contacts (\(stateColumnNames.joined(separator: ", ")))
        SELECT * FROM jsonb_to_recordset($1::jsonb) AS s(\(stateColumns)) ORDER BY contact_id COLLATE "C"
        ON CONFLICT (contact_id) DO UPDATE SET
            \(stateColumnNames.dropFirst().map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")), updated_at = now()
        """

    static func eventRecordset(_ events: [ContactEvent]) -> String {
        JSONValue.array(events.map { event in
            [
                "source": .string(event.source), "event_id": .string(event.eventID), "contact_id": .string(event.contactID),
                "type": .string(event.type.rawValue), "occurred_at": .string(event.occurredAt.rfc3339), "body": event.raw,
            ]
        }).description
    }

    static func stateRecordset(_ states: some Sequence<(key: String, value: ContactState)>) -> String {
        JSONValue.array(states.map { contactID, state in
            func time(_ value: Timestamp?) -> JSONValue { value.map { .string($0.rfc3339) } ?? .null }
            func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
            return [
                "contact_id": .string(contactID), "channel": text(state.channel?.rawValue), "line": text(state.line),
                "region": text(state.region), "language": text(state.language),
                "caller_age": state.caller?.age.map { .int(Int64($0)) } ?? .null,
                "caller_gender": text(state.caller?.gender), "caller_race_ethnicity": text(state.caller?.raceEthnicity),
                "caller_zip": text(state.caller?.zip),
                "location_lat": state.location.map { .double($0.lat) } ?? .null,
                "location_lon": state.location.map { .double($0.lon) } ?? .null,
                "received_at": time(state.receivedAt), "answered_at": time(state.answeredAt),
                "abandoned_at": time(state.abandonedAt), "abandoned": .bool(state.isAbandoned),
                "transferred_to": text(state.transferredTo), "transferred_at": time(state.transferredAt),
                "risk_level": text(state.riskLevel?.rawValue), "flags": .array(state.flags.map { .string($0.rawValue) }),
                "consent_follow_up": .bool(state.consentFollowUp), "assessed_at": time(state.assessedAt),
                "closed_at": time(state.closedAt), "disposition": text(state.disposition?.rawValue),
                "event_count": .int(Int64(state.eventCount)),
            ]
        }).description
    }
}
