import HTTP
import JSON
import LodestarCore
import LodestarStore

/// Dispatches (SPEC §4): `POST /v1/dispatches` (201 with the dispatch, assigned to the team
/// named or the best available one, else queued), `POST /v1/dispatches/{id}/events` (a step of
/// its lifecycle; 200 with the dispatch after it) and `GET /v1/dispatches/{id}` (dispatcher;
/// audited, as every read of contact-level data is).
enum DispatchRoutes {
    static func register(in builder: inout PipelineBuilder<APIRequestContext>, context: APIContext) {
        builder.add("POST", "/v1/dispatches", access: .roles([.dispatcher])) { request, requestContext in
            try QueryReader.rejectAny(in: request)
            let principal = try requestContext.principal
            let body = try request.jsonBody()
            do {
                let dispatchRequest = try DispatchRequest.validate(body: body, now: TeamRoutes.now())
                return .json(try await context.database.dispatches.create(dispatchRequest, by: principal.name).json, status: 201)
            } catch {
                throw DispatchProblems.map(error)
            }
        }
        builder.add("POST", "/v1/dispatches/{id}/events", access: .roles([.dispatcher])) { request, requestContext in
            try QueryReader.rejectAny(in: request)
            let principal = try requestContext.principal
            let id = try Self.dispatchID(requestContext)
            let body = try request.jsonBody()
            do {
                let step = try DispatchStepRequest.validate(body: body, now: TeamRoutes.now())
                return .json(try await context.database.dispatches.record(step, dispatchID: id, by: principal.name).json)
            } catch {
                throw DispatchProblems.map(error)
            }
        }
        builder.add("GET", "/v1/dispatches/{id}", access: .roles([.dispatcher])) { request, requestContext in
            try QueryReader.rejectAny(in: request)
            let principal = try requestContext.principal
            guard let dispatch = try await context.database.dispatches.read(try Self.dispatchID(requestContext), auditedAs: principal.name) else {
                throw Problem.notFound("No dispatch with this id is known.")
            }
            return .json(dispatch.json)
        }
    }

    /// A dispatch in a contact's view: the dispatch with the steps recorded, each with its time.
    static func contactJSON(_ dispatch: Dispatch) -> JSONValue {
        .object(JSONObject(uniquePairs: dispatch.jsonMembers + [("steps", dispatch.stepsJSON)]))
    }

    /// The path's dispatch id: a positive integer, else no dispatch (404).
    private static func dispatchID(_ context: APIRequestContext) throws(Problem) -> Int64 {
        let text = context.parameters["id"] ?? ""
        guard text.utf8.count <= 18, text.utf8.allSatisfy({ (48...57).contains($0) }), let id = Int64(text), id > 0 else {
            throw Problem.notFound("No dispatch with this id is known.")
        }
        return id
    }
}
