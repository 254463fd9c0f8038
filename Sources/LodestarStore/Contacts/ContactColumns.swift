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
        let value: @Sendable (ContactState) -> JSONValue
    }

    static let all: [Column] = [
        Column(name: "channel", sqlType: "text") { text($0.channel?.rawValue) },
        Column(name: "line", sqlType: "text") { text($0.line) },
        Column(name: "region", sqlType: "text") { text($0.region) },
        Column(name: "language", sqlType: "text") { text($0.language) },
        Column(name: "caller_age", sqlType: "integer") { $0.caller?.age.map { .int(Int64($0)) } ?? .null },
        Column(name: "caller_gender", sqlType: "text") { text($0.caller?.gender) },
        Column(name: "caller_race_ethnicity", sqlType: "text") { text($0.caller?.raceEthnicity) },
        Column(name: "caller_zip", sqlType: "text") { text($0.caller?.zip) },
        Column(name: "location_lat", sqlType: "double precision") { $0.location.map { .double($0.lat) } ?? .null },
        Column(name: "location_lon", sqlType: "double precision") { $0.location.map { .double($0.lon) } ?? .null },
        Column(name: "received_at", sqlType: "timestamptz") { time($0.receivedAt) },
        Column(name: "answered_at", sqlType: "timestamptz") { time($0.answeredAt) },
        Column(name: "abandoned_at", sqlType: "timestamptz") { time($0.abandonedAt) },
        Column(name: "abandoned", sqlType: "boolean") { .bool($0.isAbandoned) },
        Column(name: "transferred_to", sqlType: "text") { text($0.transferredTo) },
        Column(name: "transferred_at", sqlType: "timestamptz") { time($0.transferredAt) },
        Column(name: "risk_level", sqlType: "text") { text($0.riskLevel?.rawValue) },
        Column(name: "flags", sqlType: "text[]") { .array($0.flags.map { .string($0.rawValue) }) },
        Column(name: "consent_follow_up", sqlType: "boolean") { .bool($0.consentFollowUp) },
        Column(name: "assessed_at", sqlType: "timestamptz") { time($0.assessedAt) },
        Column(name: "closed_at", sqlType: "timestamptz") { time($0.closedAt) },
        Column(name: "disposition", sqlType: "text") { text($0.disposition?.rawValue) },
        Column(name: "event_count", sqlType: "integer") { .int(Int64($0.eventCount)) },
        // An object inside the row, not a string: the whole parameter is parsed as jsonb
        // anyway, and a string would be serialised twice (the second time escaping every quote).
        Column(name: "fold", sqlType: "jsonb") { $0.snapshot },
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
        JSONValue.array(states.map { contactID, state in
            var row: [JSONObject.Element] = [("contact_id", .string(contactID))]
            row.reserveCapacity(all.count + 4)
            for column in all { row.append((column.name, column.value(state))) }
            if let decision = standing[contactID] {
                row.append(("ruleset_version", .int(Int64(decision.rulesetVersion))))
                row.append(("experiment_id", decision.experimentID.map(JSONValue.string) ?? .null))
                row.append(("experiment_arm", decision.experimentArm.map(JSONValue.string) ?? .null))
            }
            return .object(JSONObject(uniquePairs: row))
        }).description
    }

    private static func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    private static func time(_ value: Timestamp?) -> JSONValue { value.map { .string($0.rfc3339) } ?? .null }
}
