import JSON
import LodestarCore
import Time

/// The one mapping of `ContactState` to the typed columns of `contacts`, which indicator
/// queries read (received_at windows, region, channel...): the column list, the SQL types and
/// the values come from this table alone, so a column cannot be named in one place and
/// forgotten in another. `fold` carries the whole state for the next incremental write.
enum ContactColumns {
    struct Column: Sendable {
        let name: String
        let sqlType: String
        /// Writes the column's value for a state (straight into the recordset's text: no
        /// `JSONValue` is built per column, per contact, on every ingest).
        let write: @Sendable (ContactState, inout JSONWriter) -> Void
    }

    static let all: [Column] = [
        Column(name: "channel", sqlType: "text") { text($0.channel?.rawValue, &$1) },
        Column(name: "line", sqlType: "text") { text($0.line, &$1) },
        Column(name: "region", sqlType: "text") { text($0.region, &$1) },
        Column(name: "language", sqlType: "text") { text($0.language, &$1) },
        Column(name: "caller_age", sqlType: "integer") { int($0.caller?.age, &$1) },
        Column(name: "caller_gender", sqlType: "text") { text($0.caller?.gender, &$1) },
        Column(name: "caller_race_ethnicity", sqlType: "text") { text($0.caller?.raceEthnicity, &$1) },
        Column(name: "caller_zip", sqlType: "text") { text($0.caller?.zip, &$1) },
        Column(name: "location_lat", sqlType: "double precision") { double($0.location?.lat, &$1) },
        Column(name: "location_lon", sqlType: "double precision") { double($0.location?.lon, &$1) },
        Column(name: "received_at", sqlType: "timestamptz") { time($0.receivedAt, &$1) },
        Column(name: "answered_at", sqlType: "timestamptz") { time($0.answeredAt, &$1) },
        Column(name: "abandoned_at", sqlType: "timestamptz") { time($0.abandonedAt, &$1) },
        Column(name: "abandoned", sqlType: "boolean") { $1.bool($0.isAbandoned) },
        Column(name: "transferred_to", sqlType: "text") { text($0.transferredTo, &$1) },
        Column(name: "transferred_at", sqlType: "timestamptz") { time($0.transferredAt, &$1) },
        Column(name: "risk_level", sqlType: "text") { text($0.riskLevel?.rawValue, &$1) },
        Column(name: "flags", sqlType: "text[]") { state, writer in
            writer.beginArray()
            for flag in state.flags { writer.string(flag.rawValue) }
            writer.endArray()
        },
        Column(name: "consent_follow_up", sqlType: "boolean") { $1.bool($0.consentFollowUp) },
        Column(name: "assessed_at", sqlType: "timestamptz") { time($0.assessedAt, &$1) },
        Column(name: "closed_at", sqlType: "timestamptz") { time($0.closedAt, &$1) },
        Column(name: "disposition", sqlType: "text") { text($0.disposition?.rawValue, &$1) },
        Column(name: "event_count", sqlType: "integer") { int($0.eventCount, &$1) },
        // Stored as text (sql/011), but an array inside the row rather than a JSON string: the
        // recordset's text column takes the array's JSON text, and a string would be
        // serialised twice (the second time escaping every quote).
        Column(name: "fold", sqlType: "text") { $0.writeSnapshot(to: &$1) },
    ]

    /// A routed contact's standing decision (its latest assessment's), which reports group by.
    struct Standing: Sendable, Equatable {
        let rulesetVersion: Int
        let experimentID: String?
        let experimentArm: String?
    }

    /// Writes each changed contact's columns: a new contact in one insert, a known one
    /// replaced (the state already holds all its events, so nothing is merged here). The
    /// standing decision columns change only on the rows that carry one (a routed contact's
    /// `ruleset_version` is never null), in the same write rather than a second update of the row.
    static let upsertSQL = """
        INSERT INTO contacts (contact_id, \(all.map { $0.name }.joined(separator: ", ")), ruleset_version, experiment_id, experiment_arm)
        SELECT * FROM jsonb_to_recordset($1::jsonb)
            AS s(contact_id text, \(all.map { "\($0.name) \($0.sqlType)" }.joined(separator: ", ")),
                 ruleset_version integer, experiment_id text, experiment_arm text)
        ORDER BY contact_id COLLATE "C"
        ON CONFLICT (contact_id) DO UPDATE SET
            \(all.map { "\($0.name) = EXCLUDED.\($0.name)" }.joined(separator: ", ")), updated_at = now(),
            ruleset_version = coalesce(EXCLUDED.ruleset_version, contacts.ruleset_version),
            experiment_id = CASE WHEN EXCLUDED.ruleset_version IS NULL THEN contacts.experiment_id ELSE EXCLUDED.experiment_id END,
            experiment_arm = CASE WHEN EXCLUDED.ruleset_version IS NULL THEN contacts.experiment_arm ELSE EXCLUDED.experiment_arm END
        """

    /// The rows for `upsertSQL`, one parameter whatever their number.
    static func recordset(_ states: [String: ContactState], standing: [String: Standing]) -> String {
        var writer = JSONWriter(reservingCapacity: 1024 * states.count)
        writer.beginArray()
        for (contactID, state) in states {
            writer.beginObject()
            writer.key("contact_id")
            writer.string(contactID)
            for column in all {
                writer.key(column.name)
                column.write(state, &writer)
            }
            if let decision = standing[contactID] {
                writer.key("ruleset_version")
                writer.int(Int64(decision.rulesetVersion))
                writer.key("experiment_id")
                text(decision.experimentID, &writer)
                writer.key("experiment_arm")
                text(decision.experimentArm, &writer)
            }
            writer.endObject()
        }
        writer.endArray()
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private static func text(_ value: String?, _ writer: inout JSONWriter) {
        if let value { writer.string(value) } else { writer.null() }
    }

    private static func int(_ value: Int?, _ writer: inout JSONWriter) {
        if let value { writer.int(Int64(value)) } else { writer.null() }
    }

    private static func double(_ value: Double?, _ writer: inout JSONWriter) {
        if let value { writer.double(value) } else { writer.null() }
    }

    private static func time(_ value: Timestamp?, _ writer: inout JSONWriter) {
        if let value { writer.string(value.rfc3339) } else { writer.null() }
    }
}
