import HTTP
import JSON
import LodestarCore
import LodestarStore
import Time

/// How the errors of regions, teams and dispatches are answered (SPEC §2, §4). Messages name
/// rules and states, never a caller's data.
enum DispatchProblems {
    /// The problem for a known error; any other error is returned as it is.
    static func map(_ error: any Error) -> any Error {
        switch error {
        case let failure as ValidationFailure:
            return Problem.validation(failure.issues.map { (path: $0.path, message: $0.message) })
        case let rejected as DispatchStepRejected:
            return problem(rejected)
        case TeamReportRejected.earlierThanLastReport(let last):
            return Problem.validation([(path: "at", message: "must not be earlier than the team's last report of this kind (\(last.rfc3339))")])
        case let busy as TeamBusy:
            return Problem(status: 409, detail: "The team holds an open dispatch; complete or cancel it to change the team's status.",
                           extensions: [("dispatch_id", busy.dispatchID.map(JSONValue.int) ?? .null)])
        case let unavailable as TeamNotAvailable:
            return Problem(status: 409, detail: "The team is not available: it is \(unavailable.status.rawValue).",
                           extensions: [("team_status", .string(unavailable.status.rawValue))])
        case is NoTeamAvailable:
            return Problem(status: 409, detail: "No team is available for this dispatch: none free has every capability it requires, covers its contact's region and is within its ETA limit. It stays requested.",
                           extensions: [("dispatch_status", .string(DispatchStatus.requested.rawValue))])
        case is TeamNotFound:
            return Problem.notFound("No team with this id is known.")
        case is DispatchNotFound:
            return Problem.notFound("No dispatch with this id is known.")
        default:
            return error
        }
    }

    private static func problem(_ rejected: DispatchStepRejected) -> Problem {
        switch rejected {
        case .notAllowed(let status, let allowed):
            let next = allowed.isEmpty
                ? "it is closed, so no step may follow"
                : "the steps that may follow are: \(allowed.map { $0.rawValue }.joined(separator: ", "))"
            return Problem(status: 409, detail: "The dispatch is \(status.rawValue); \(next).",
                           extensions: [("dispatch_status", .string(status.rawValue)), ("allowed", .array(allowed.map { .string($0.rawValue) }))])
        case .earlierThanPreviousStep(let previous):
            return Problem.validation([(path: "at", message: "must not be earlier than the previous step (\(previous.rfc3339))")])
        }
    }
}
