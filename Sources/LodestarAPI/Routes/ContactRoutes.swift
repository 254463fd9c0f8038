import HTTP
import JSON
import LodestarCore
import LodestarStore

/// `GET /v1/contacts/{contact_id}` (dispatcher, manager): state, one page of the timeline, and
/// `next` when more remain. Every read is written to the audit log in the same transaction as
/// the read itself.
enum ContactRoutes {
    static let defaultTimelineLimit = 500
    static let maxTimelineLimit = 1000

    static func register(in builder: inout RouterBuilder<Handler>, context: APIContext) {
        builder.add("GET", "/v1/contacts/{contact_id}", context.route(allowed: [.dispatcher, .manager]) { request, principal in
            let contactID = request.parameters["contact_id"] ?? ""
            // No stored contact has such an id (SPEC §3 bounds identifiers), so it is unknown,
            // and a control character must never reach the database or the audit log.
            guard PathIdentifier.isPlausible(contactID) else { throw Problem.notFound("No contact with this id is known.") }
            let (limit, after) = try pageParameters(request.query)
            guard let view = try await context.contacts.read(contactID, timelineLimit: limit, after: after, auditedAs: principal.name)
            else { throw Problem.notFound("No contact with this id is known.") }
            var json: [(String, JSONValue)] = [
                ("contact_id", .string(contactID)),
                ("state", view.state.json),
                ("timeline", .array(view.timeline)),
                ("decisions", []),
                ("dispatches", []),
                ("follow_ups", []),
            ]
            if let next = view.next {
                json.append(("next", .string("/v1/contacts/\(PathIdentifier.escaped(contactID))?timeline_limit=\(limit)&after=\(TimelineCursor.encode(next))")))
            }
            return .json(.object(JSONObject(json)))
        })
    }

    private static func pageParameters(_ query: [String: String]) throws -> (Int, EventOrder?) {
        var limit = defaultTimelineLimit
        if let text = query["timeline_limit"] {
            guard let value = Int(text), (1...maxTimelineLimit).contains(value) else {
                throw Problem.validation([(path: "timeline_limit", message: "must be an integer from 1 to \(maxTimelineLimit)")])
            }
            limit = value
        }
        var after: EventOrder?
        if let text = query["after"] {
            guard let order = TimelineCursor.decode(text) else {
                throw Problem.validation([(path: "after", message: "must be the cursor from a previous page's next link")])
            }
            after = order
        }
        return (limit, after)
    }
}
