import HTTP
import JSON
import LodestarCore
import LodestarStore

/// `GET /v1/contacts/{contact_id}` (dispatcher, manager): derived state and timeline.
/// Every read is written to the audit log in the same transaction as the read itself.
enum ContactRoutes {
    static func register(in builder: inout PipelineBuilder<APIRequestContext>, context: APIContext) {
        builder.add("GET", "/v1/contacts/{contact_id}", access: .roles([.dispatcher, .manager])) { _, requestContext in
            let principal = try requestContext.principal
            let contactID = requestContext.parameters["contact_id"] ?? ""
            let events = try await context.contacts.readEvents(of: contactID, auditedAs: principal.name)
            guard !events.isEmpty else { throw Problem.notFound("No contact with this id is known.") }
            let ordered = events.sorted { $0.order < $1.order }
            let state = ContactState.derive(from: ordered)
            return .json([
                "contact_id": .string(contactID),
                "state": state.json,
                "timeline": .array(ordered.map(timelineEntry)),
                "decisions": [],
                "dispatches": [],
                "follow_ups": [],
            ])
        }
    }

    /// A timeline entry: the event as received, with its source made explicit.
    static func timelineEntry(_ event: ContactEvent) -> JSONValue {
        guard case .object(var object) = event.raw else { return event.raw }
        object.set("source", .string(event.source))
        return .object(object)
    }
}
