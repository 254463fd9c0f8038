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

    static func register(in builder: inout PipelineBuilder<APIRequestContext>, context: APIContext) {
        builder.add("GET", "/v1/contacts/{contact_id}", access: .roles([.dispatcher, .manager])) { request, requestContext in
            let principal = try requestContext.principal
            let contactID = requestContext.parameters["contact_id"] ?? ""
            // No stored contact has such an id (SPEC §3 bounds identifiers), so it is unknown,
            // and a control character must never reach the database or the audit log.
            guard Identifier.isValid(contactID) else { throw Problem.notFound("No contact with this id is known.") }
            var query = QueryReader(request)
            let limit = query.integer("timeline_limit", in: 1...maxTimelineLimit) ?? defaultTimelineLimit
            var after: EventOrder?
            if let text = query.string("after") {
                after = TimelineCursor.decode(text)
                if after == nil { query.fail("after", "must be the cursor from a previous page's next link") }
            }
            guard query.errors.isEmpty else { throw Problem.validation(query.errors) }
            guard let view = try await context.contacts.read(contactID, timelineLimit: limit, after: after, auditedAs: principal.name)
            else { throw Problem.notFound("No contact with this id is known.") }
            var json: [(String, JSONValue)] = [
                ("contact_id", .string(contactID)),
                ("state", view.state.json),
                ("timeline", .array(view.timeline)),
                ("decisions", .array(view.decisions.map { DecisionJSON.json($0.routed) })),
                ("dispatches", .array(view.dispatches.map(DispatchRoutes.contactJSON))),
                ("follow_ups", FollowUpRoutes.contactJSON(view.followUps)),
            ]
            if let next = view.next {
                json.append(("next", .string("/v1/contacts/\(QueryValue.escaped(contactID))?timeline_limit=\(limit)&after=\(TimelineCursor.encode(next))")))
            }
            return .json(.object(JSONObject(json)))
        }
    }
}
