import JSON
import LodestarCore

/// The statements of an ingest transaction. Sets of rows travel as one JSON parameter each
/// (`jsonb_to_recordset`), so a batch of any size is a fixed number of statements and no
/// array-literal quoting is needed.
enum IngestSQL {
    /// Creates missing contact rows, in id order so concurrent transactions lock alike.
    static let ensureContacts = """
        INSERT INTO contacts (contact_id)
        SELECT id FROM jsonb_array_elements_text($1::jsonb) AS id ORDER BY id COLLATE "C"
        ON CONFLICT DO NOTHING
        """

    /// Serialises transactions touching the same contacts, also across Lodestar processes: once
    /// the lock is held, later statements see every event committed before.
    static let lockContacts = """
        SELECT contact_id FROM contacts
        WHERE contact_id IN (SELECT jsonb_array_elements_text($1::jsonb))
        ORDER BY contact_id COLLATE "C" FOR UPDATE
        """

    static let insertEvents = """
        INSERT INTO contact_events (source, event_id, contact_id, type, occurred_at, body)
        SELECT source, event_id, contact_id, type, occurred_at, body FROM jsonb_to_recordset($1::jsonb)
            AS e(source text, event_id text, contact_id text, type text, occurred_at timestamptz, body jsonb)
        ON CONFLICT DO NOTHING
        RETURNING source, event_id
        """

    /// All events of contacts that had events before this transaction (theirs included).
    /// Contacts created by this transaction derive from its own events, with no read.
    static let eventsOfKnownContacts = """
        SELECT e.source, e.body::text FROM contacts c JOIN contact_events e USING (contact_id)
        WHERE c.contact_id IN (SELECT jsonb_array_elements_text($1::jsonb)) AND c.event_count > 0
        """

    static let updateContacts = """
        UPDATE contacts c SET
            channel = s.channel, line = s.line, region = s.region, language = s.language,
            caller_age = s.caller_age, caller_gender = s.caller_gender,
            caller_race_ethnicity = s.caller_race_ethnicity, caller_zip = s.caller_zip,
            location_lat = s.location_lat, location_lon = s.location_lon,
            received_at = s.received_at, answered_at = s.answered_at, abandoned_at = s.abandoned_at,
            abandoned = s.abandoned, transferred_to = s.transferred_to, transferred_at = s.transferred_at,
            risk_level = s.risk_level, flags = s.flags, consent_follow_up = s.consent_follow_up,
            assessed_at = s.assessed_at, closed_at = s.closed_at, disposition = s.disposition,
            event_count = s.event_count, updated_at = now()
        FROM jsonb_to_recordset($1::jsonb) AS s(
            contact_id text, channel text, line text, region text, language text,
            caller_age integer, caller_gender text, caller_race_ethnicity text, caller_zip text,
            location_lat double precision, location_lon double precision,
            received_at timestamptz, answered_at timestamptz, abandoned_at timestamptz, abandoned boolean,
            transferred_to text, transferred_at timestamptz, risk_level text, flags text[],
            consent_follow_up boolean, assessed_at timestamptz, closed_at timestamptz, disposition text,
            event_count integer)
        WHERE c.contact_id = s.contact_id
        """

    static func eventRecordset(_ events: [ContactEvent]) -> String {
        JSONValue.array(events.map { event in
            [
                "source": .string(event.source), "event_id": .string(event.eventID), "contact_id": .string(event.contactID),
                "type": .string(event.type.rawValue), "occurred_at": .string(event.occurredAt.rfc3339), "body": event.raw,
            ]
        }).description
    }

    static func stateRecordset(_ states: [String: ContactState]) -> String {
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
