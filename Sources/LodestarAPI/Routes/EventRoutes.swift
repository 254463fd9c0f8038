import HTTP
import JSON
import LodestarCore
import LodestarStore
import Loop
import Time

/// `POST /v1/events` (ingest): one event or `{"events": [...]}`, stored all-or-nothing,
/// answered only after the transaction holding it committed (SPEC §3).
enum EventRoutes {
    static func register(in builder: inout PipelineBuilder<APIRequestContext>, context: APIContext) {
        let validation = EventValidation(maxBatchSize: context.settings.maxEventsPerBatch)
        builder.add("POST", "/v1/events", access: .roles([.ingest])) { request, requestContext in
            try QueryReader.rejectAny(in: request)
            let principal = try requestContext.principal
            let body = try request.jsonBody()
            let events: [ContactEvent]
            do {
                events = try validation.validate(body: body, defaultSource: principal.name, now: Timestamp(microseconds: WallClock.microsecondsSinceEpoch))
            } catch let failure as ValidationFailure {
                throw Problem.validation(failure.issues.map { (path: $0.path, message: $0.message) })
            }
            let isBatch = body.objectValue?.contains("events") ?? false
            let foreign = events.indices.filter { !principal.mayPost(for: events[$0].source) }
            guard foreign.isEmpty else {
                throw Problem(status: 403, detail: "This token may not post events for another source.", errors: foreign.map { index in
                    (path: isBatch ? "events[\(index)].source" : "source", message: "is not a source this token may post for")
                })
            }
            do {
                let results = try await context.events.ingest(events, by: principal.name)
                return .json(responseBody(results))
            } catch let refused as IngestRefused {
                throw refusal(refused.reason, isBatch: isBatch)
            }
        }
    }

    /// The answer to a post refused whole, naming each event at fault by its path (SPEC §3):
    /// `events[i]` in a batch, the root (`""`) for a body that is one event.
    static func refusal(_ reason: IngestRejection, isBatch: Bool) -> Problem {
        func path(_ index: Int) -> String { isBatch ? "events[\(index)]" : "" }
        switch reason {
        case .conflict(let conflicts):
            let errors = conflicts.map { conflict in
                let fields = conflict.fields.map(\.rawValue).joined(separator: ", ")
                return (path: path(conflict.eventIndex),
                        message: "differs (\(fields)) from the event already received with this source and event_id; a retry must repeat it exactly")
            }
            return Problem(status: 409, detail: "The request repeats an event id with different content; nothing was stored.", errors: errors)
        case .tooManyEvents(let index, let limit):
            return Problem.validation([(path: path(index), message: "would take its contact beyond \(limit) events")])
        case .stepFailed:
            return Problem(status: 500, detail: "The server could not complete the request; nothing was stored.")
        }
    }

    /// `{"accepted", "duplicates", "results": [{"event_id", "status"}]}` in posted order.
    /// An assessment's result carries its routing decision (SPEC §3, §5); a duplicate of one
    /// carries the decision made when it was first stored, so a retry learns what it missed.
    /// Written straight into the body's bytes: a batch answers a hundred results at a time.
    static func responseBody(_ results: [IngestResult]) -> [UInt8] {
        let accepted = results.count { $0.status == .accepted }
        var writer = JSONWriter(reservingCapacity: 64 + 48 * results.count)
        writer.beginObject()
        writer.member("accepted", .int(Int64(accepted)))
        writer.member("duplicates", .int(Int64(results.count - accepted)))
        writer.key("results")
        writer.beginArray()
        for result in results {
            writer.beginObject()
            writer.member("event_id", .string(result.event.eventID))
            writer.member("status", .string(result.status.rawValue))
            if let decision = result.decision { writer.member("decision", DecisionJSON.json(decision)) }
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }
}
