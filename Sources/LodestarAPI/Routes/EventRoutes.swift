import HTTP
import JSON
import LodestarCore
import LodestarStore

/// `POST /v1/events` (ingest): one event or `{"events": [...]}`, stored all-or-nothing,
/// answered only after the transaction holding it committed (SPEC §3).
enum EventRoutes {
    static func register(in builder: inout PipelineBuilder<APIRequestContext>, context: APIContext) {
        let validation = EventValidation(maxBatchSize: context.settings.maxEventsPerBatch)
        builder.add("POST", "/v1/events", access: .roles([.ingest])) { request, requestContext in
            let principal = try requestContext.principal
            let body = try request.jsonBody()
            let events: [ContactEvent]
            do {
                events = try validation.validate(body: body, defaultSource: principal.name)
            } catch let failure as ValidationFailure {
                throw Problem.validation(failure.issues.map { (path: $0.path, message: $0.message) })
            }
            let results = try await context.events.ingest(events, by: principal.name)
            return .json(responseJSON(results))
        }
    }

    /// `{"accepted", "duplicates", "results": [{"event_id", "status"}]}` in posted order.
    static func responseJSON(_ results: [IngestResult]) -> JSONValue {
        let accepted = results.count { $0.status == .accepted }
        return [
            "accepted": .int(Int64(accepted)),
            "duplicates": .int(Int64(results.count - accepted)),
            "results": .array(results.map { result in
                ["event_id": .string(result.event.eventID), "status": .string(result.status.rawValue)]
            }),
        ]
    }
}
