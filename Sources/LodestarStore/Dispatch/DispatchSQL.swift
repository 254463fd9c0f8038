import JSON
import LodestarCore
import Postgres
import Time

/// The one mapping of `Dispatch` to `dispatches`: the columns read and written, in this order.
enum DispatchSQL {
    private static let names = [
        "id", "contact_id", "status", "priority", "requires", "team_id", "eta_minutes", "requested_at", "assigned_at", "en_route_at",
        "on_scene_at", "completed_at", "cancelled_at", "outcome", "law_enforcement_involved", "auto_assign", "max_eta_minutes",
    ]
    static let columns = names.joined(separator: ", ")
    /// `columns` of the table aliased `d` (for statements that join).
    static let qualifiedColumns = names.map { "d.\($0)" }.joined(separator: ", ")
    /// How many columns `columns` names: a statement's own columns start after them.
    static let columnCount = names.count

    static let one = "SELECT \(columns) FROM dispatches WHERE id = $1"

    /// A contact's dispatches, oldest request first.
    static let ofContact = "SELECT \(columns) FROM dispatches WHERE contact_id = $1 ORDER BY requested_at, id"

    /// Writes whole dispatches, new or known, in the order given (one parameter, `recordset`).
    /// The order matters: a dispatch that releases a team must be written before one that takes
    /// it, or the one-open-dispatch-per-team index would see both open at once.
    static let upsert = """
        INSERT INTO dispatches (\(columns), reach_chord)
        SELECT d.* FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(value, n)
        CROSS JOIN LATERAL jsonb_to_record(e.value) AS d(id bigint, contact_id text, status text, priority text, requires text[],
            team_id text, eta_minutes double precision, requested_at timestamptz, assigned_at timestamptz, en_route_at timestamptz,
            on_scene_at timestamptz, completed_at timestamptz, cancelled_at timestamptz, outcome text,
            law_enforcement_involved boolean, auto_assign boolean, max_eta_minutes double precision, reach_chord double precision)
        ORDER BY e.n
        ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, team_id = EXCLUDED.team_id, eta_minutes = EXCLUDED.eta_minutes,
            assigned_at = EXCLUDED.assigned_at, en_route_at = EXCLUDED.en_route_at, on_scene_at = EXCLUDED.on_scene_at,
            completed_at = EXCLUDED.completed_at, cancelled_at = EXCLUDED.cancelled_at, outcome = EXCLUDED.outcome,
            law_enforcement_involved = EXCLUDED.law_enforcement_involved, updated_at = now()
        """

    /// The rows for `upsert`; `eta` turns each dispatch's ETA limit into the chord the queue
    /// compares (`QueueSQL`).
    static func recordset(_ dispatches: [Dispatch], eta: ETAModel) -> String {
        JSONValue.array(dispatches.map { dispatch in
            let reach = dispatch.maxETAMinutes.map { GeoPoint.unitChord(forDistanceKm: eta.reachKm(withinMinutes: $0)) }
            return .object(JSONObject(uniquePairs: [
                ("id", .int(dispatch.id)), ("contact_id", .string(dispatch.contactID)), ("status", .string(dispatch.status.rawValue)),
                ("priority", .string(dispatch.priority.rawValue)), ("requires", .array(dispatch.requires.map(JSONValue.string))),
                ("team_id", dispatch.teamID.map(JSONValue.string) ?? .null), ("eta_minutes", dispatch.etaMinutes.map(JSONValue.double) ?? .null),
                ("requested_at", time(dispatch.requestedAt)), ("assigned_at", time(dispatch.assignedAt)),
                ("en_route_at", time(dispatch.enRouteAt)), ("on_scene_at", time(dispatch.onSceneAt)),
                ("completed_at", time(dispatch.completedAt)), ("cancelled_at", time(dispatch.cancelledAt)),
                ("outcome", dispatch.outcome.map { .string($0.rawValue) } ?? .null),
                ("law_enforcement_involved", dispatch.lawEnforcementInvolved.map(JSONValue.bool) ?? .null),
                ("auto_assign", .bool(dispatch.autoAssign)), ("max_eta_minutes", dispatch.maxETAMinutes.map(JSONValue.double) ?? .null),
                ("reach_chord", reach.map(JSONValue.double) ?? .null),
            ]))
        }).description
    }

    /// The dispatch in the row's columns from `offset` on (in `columns` order).
    static func dispatch(_ row: PostgresRow, offset: Int = 0) throws -> Dispatch {
        guard let status = DispatchStatus(rawValue: try row.decode(String.self, at: offset + 2)),
              let priority = DispatchPriority(rawValue: try row.decode(String.self, at: offset + 3))
        else { throw IngestStoreCorrupt() }
        return Dispatch(
            id: try row.decode(Int64.self, at: offset), contactID: try row.decode(String.self, at: offset + 1), status: status,
            priority: priority, requires: try row.decode([String].self, at: offset + 4),
            teamID: row[offset + 5].string, etaMinutes: row[offset + 6].double,
            requestedAt: try row.decode(Timestamp.self, at: offset + 7), assignedAt: row[offset + 8].timestamp,
            enRouteAt: row[offset + 9].timestamp, onSceneAt: row[offset + 10].timestamp, completedAt: row[offset + 11].timestamp,
            cancelledAt: row[offset + 12].timestamp, outcome: row[offset + 13].string.flatMap(DispatchOutcome.init),
            lawEnforcementInvolved: row[offset + 14].bool, autoAssign: try row.decode(Bool.self, at: offset + 15),
            maxETAMinutes: row[offset + 16].double)
    }

    private static func time(_ value: Timestamp?) -> JSONValue { value.map { .string($0.rfc3339) } ?? .null }
}
