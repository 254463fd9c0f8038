import HTTP
import JSON
import LodestarCore
import LodestarStore
import Loop
import Time

/// `POST /v1/follow-ups`, `GET /v1/follow-ups` and `GET /v1/follow-ups/{id}` (dispatcher;
/// SPEC §6). Attempts are in `FollowUpAttemptRoutes`. Every write and read is audited in its
/// own transaction; `overdue` is computed as of the request (open and past due), whether or not
/// a sweep has flagged the follow-up yet.
enum FollowUpRoutes {
    static let defaultListLimit = 100
    static let maxListLimit = 1000

    static func register(in builder: inout PipelineBuilder<APIRequestContext>, context: APIContext) {
        // A follow-up is for a known contact (one with at least one event): a typo in the id
        // must not become a promise nobody can keep, so an unknown contact is 404.
        builder.add("POST", "/v1/follow-ups", access: .roles([.dispatcher])) { request, requestContext in
            try QueryReader.rejectAny(in: request)
            let principal = try requestContext.principal
            let body = try request.jsonBody()
            let now = Timestamp(microseconds: WallClock.microsecondsSinceEpoch)
            let followUp: FollowUp
            do {
                followUp = try FollowUpRequests.newFollowUp(body, id: FollowUpID.make(), now: now)
            } catch let failure as ValidationFailure {
                throw Problem.validation(failure.issues.map { (path: $0.path, message: $0.message) })
            }
            do {
                try await context.followUps.create(followUp, by: principal.name, now: now)
            } catch is FollowUpUnknownContact {
                throw Problem.notFound("No contact with this contact_id is known; a follow-up needs the contact's events first.")
            }
            return .json(followUp.json(now: now).serialized(), status: 201, headers: [("Location", "/v1/follow-ups/\(followUp.id)")])
        }

        builder.add("GET", "/v1/follow-ups", access: .roles([.dispatcher])) { request, requestContext in
            let principal = try requestContext.principal
            var query = QueryReader(request)
            var status: FollowUpFilter.Status?
            if let text = query.string("status") {
                status = FollowUpFilter.Status(rawValue: text)
                if status == nil { query.fail("status", "must be one of: \(FollowUpFilter.Status.allCases.map { $0.rawValue }.joined(separator: ", "))") }
            }
            let dueBefore = query.timestamp("due_before")
            let limit = query.integer("limit", in: 1...maxListLimit) ?? defaultListLimit
            guard query.errors.isEmpty else { throw Problem.validation(query.errors) }
            let now = Timestamp(microseconds: WallClock.microsecondsSinceEpoch)
            let filter = FollowUpFilter(status: status, dueBefore: dueBefore, limit: limit)
            let followUps = try await context.followUps.list(filter, now: now, auditedAs: principal.name)
            return .json(["follow_ups": .array(followUps.map { $0.json(now: now) })])
        }

        builder.add("GET", "/v1/follow-ups/{id}", access: .roles([.dispatcher])) { request, requestContext in
            try QueryReader.rejectAny(in: request)
            let principal = try requestContext.principal
            let id = try knownID(requestContext)
            guard let followUp = try await context.followUps.read(id, auditedAs: principal.name) else { throw unknown }
            return .json(followUp.json(now: Timestamp(microseconds: WallClock.microsecondsSinceEpoch)))
        }
    }

    /// The `{id}` of the path, lowercased; 404 when it is not a UUID, for no follow-up has such an
    /// id and a stray value must reach neither the database nor the audit log.
    static func knownID(_ requestContext: APIRequestContext) throws(Problem) -> String {
        let id = requestContext.parameters["id"] ?? ""
        guard FollowUpID.isValid(id) else { throw unknown }
        return id.lowercased()
    }

    static let unknown = Problem.notFound("No follow-up with this id is known.")

    /// A contact's follow-ups in its view (`GET /v1/contacts/{id}`), `overdue` as of now.
    static func contactJSON(_ followUps: [FollowUp]) -> JSONValue {
        let now = Timestamp(microseconds: WallClock.microsecondsSinceEpoch)
        return .array(followUps.map { $0.json(now: now) })
    }
}
