public import JSON
import Time

extension Dispatch {
    /// The dispatch as the API and the stream show it: exactly SPEC §4's fields, unknown values
    /// `null`.
    public var json: JSONValue {
        .object(JSONObject(uniquePairs: jsonMembers))
    }

    /// The members of `json`, for callers that add their own (the board's timing, the contact
    /// view's steps).
    public var jsonMembers: [JSONObject.Element] {
        [
            ("id", .int(id)),
            ("contact_id", .string(contactID)),
            ("status", .string(status.rawValue)),
            ("priority", .string(priority.rawValue)),
            ("requires", .array(requires.map(JSONValue.string))),
            ("team_id", teamID.map(JSONValue.string) ?? .null),
            ("eta_minutes", etaMinutes.map(JSONValue.double) ?? .null),
            ("requested_at", .string(requestedAt.rfc3339)),
            ("assigned_at", Self.json(assignedAt)),
            ("en_route_at", Self.json(enRouteAt)),
            ("on_scene_at", Self.json(onSceneAt)),
            ("completed_at", Self.json(completedAt)),
            ("cancelled_at", Self.json(cancelledAt)),
            ("outcome", outcome.map { .string($0.rawValue) } ?? .null),
            ("law_enforcement_involved", lawEnforcementInvolved.map(JSONValue.bool) ?? .null),
        ]
    }

    /// The steps recorded so far, in lifecycle order, each with its time: `requested`, then
    /// `assigned` (with the team), `en_route`, `on_scene`, and `completed` (with the outcome)
    /// or `cancelled`.
    public var stepsJSON: JSONValue {
        var steps: [JSONValue] = [["type": "requested", "at": .string(requestedAt.rfc3339)]]
        if let assignedAt {
            steps.append(["type": "assigned", "at": .string(assignedAt.rfc3339), "team_id": teamID.map(JSONValue.string) ?? .null])
        }
        if let enRouteAt { steps.append(["type": "en_route", "at": .string(enRouteAt.rfc3339)]) }
        if let onSceneAt { steps.append(["type": "on_scene", "at": .string(onSceneAt.rfc3339)]) }
        if let completedAt {
            steps.append(["type": "completed", "at": .string(completedAt.rfc3339), "outcome": outcome.map { .string($0.rawValue) } ?? .null])
        }
        if let cancelledAt { steps.append(["type": "cancelled", "at": .string(cancelledAt.rfc3339)]) }
        return .array(steps)
    }

    private static func json(_ time: Timestamp?) -> JSONValue {
        time.map { .string($0.rfc3339) } ?? .null
    }

    /// Writes the members of `json` into an object `writer` has begun, without building the
    /// value: the same text, for pages of dispatches.
    public func writeMembers(to writer: inout JSONWriter) {
        writer.key("id")
        writer.int(id)
        writer.key("contact_id")
        writer.string(contactID)
        writer.key("status")
        writer.string(status.rawValue)
        writer.key("priority")
        writer.string(priority.rawValue)
        writer.key("requires")
        writer.beginArray()
        for capability in requires { writer.string(capability) }
        writer.endArray()
        writer.key("team_id")
        if let teamID { writer.string(teamID) } else { writer.null() }
        writer.key("eta_minutes")
        if let etaMinutes { writer.double(etaMinutes) } else { writer.null() }
        Self.write("requested_at", requestedAt, to: &writer)
        Self.write("assigned_at", assignedAt, to: &writer)
        Self.write("en_route_at", enRouteAt, to: &writer)
        Self.write("on_scene_at", onSceneAt, to: &writer)
        Self.write("completed_at", completedAt, to: &writer)
        Self.write("cancelled_at", cancelledAt, to: &writer)
        writer.key("outcome")
        if let outcome { writer.string(outcome.rawValue) } else { writer.null() }
        writer.key("law_enforcement_involved")
        if let lawEnforcementInvolved { writer.bool(lawEnforcementInvolved) } else { writer.null() }
    }

    private static func write(_ name: String, _ time: Timestamp?, to writer: inout JSONWriter) {
        writer.key(name)
        if let time { writer.string(time.rfc3339) } else { writer.null() }
    }
}
