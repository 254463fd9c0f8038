import HTTP
import JSON
import LodestarCore
import LodestarStore
import Loop
import Time

/// `POST /v1/follow-ups/{id}/attempts` (dispatcher; SPEC §6): `{"at"?, "outcome"}`, answered
/// with the updated follow-up. The follow-up's lifecycle decides (`FollowUp.attemptReceived`):
/// an attempt on a closed follow-up is 409, one stating an `at` earlier than the creation or the
/// previous attempt 422 at `at`. One without `at` is never refused as too early: it is made now,
/// or at the time of the creation or previous attempt if that is later.
enum FollowUpAttemptRoutes {
    static func register(in builder: inout PipelineBuilder<APIRequestContext>, context: APIContext) {
        let policy = context.settings.followUp.policy
        builder.add("POST", "/v1/follow-ups/{id}/attempts", access: .roles([.dispatcher])) { request, requestContext in
            try QueryReader.rejectAny(in: request)
            let principal = try requestContext.principal
            let id = try FollowUpRoutes.knownID(requestContext)
            let body = try request.jsonBody()
            let now = Timestamp(microseconds: WallClock.microsecondsSinceEpoch)
            let attempt: FollowUpAttemptRequest
            do {
                attempt = try FollowUpRequests.attempt(body, now: now)
            } catch let failure as ValidationFailure {
                throw Problem.validation(failure.issues.map { (path: $0.path, message: $0.message) })
            }
            let followUp: FollowUp?
            do {
                followUp = try await context.followUps.recordAttempt(attempt, on: id, policy: policy, by: principal.name, now: now)
            } catch let refused as FollowUpAttemptRefused {
                throw problem(refused.refusal)
            }
            guard let followUp else { throw FollowUpRoutes.unknown }
            return .json(followUp.json(now: now))
        }
    }

    static func problem(_ refusal: AttemptRefusal) -> Problem {
        switch refusal {
        case .closed(let status):
            Problem(status: 409, detail: "The follow-up is closed (\(status.rawValue)); no attempt can be added.",
                    extensions: [("follow_up_status", .string(status.rawValue))])
        case .beforeCreation:
            Problem.validation([(path: "at", message: "must not be before the follow-up's creation")])
        case .beforePreviousAttempt:
            Problem.validation([(path: "at", message: "must not be before the previous attempt")])
        }
    }
}
