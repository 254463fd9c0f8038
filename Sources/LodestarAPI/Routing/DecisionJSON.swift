import JSON
import LodestarCore
import LodestarStore
import Time

/// A routing decision as SPEC §5 shows it: `{"contact_id", "ruleset_version", "rule_id",
/// "action", "priority", "experiment"?, "dispatch"?, "follow_up"?}`.
enum DecisionJSON {
    /// A decision as carried out.
    static func json(_ routed: RoutedDecision) -> JSONValue {
        json(contactID: routed.contactID, rulesetVersion: routed.rulesetVersion, decision: routed.decision,
             dispatch: routed.dispatch, followUp: routed.followUp)
    }

    static func json(contactID: String, rulesetVersion: Int?, decision: RuleDecision,
                     dispatch: DecisionDispatch? = nil, followUp: DecisionFollowUp? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("contact_id", .string(contactID)),
            ("ruleset_version", rulesetVersion.map { .int(Int64($0)) } ?? .null),
            ("rule_id", .string(decision.ruleID)),
            ("action", .string(decision.action.rawValue)),
            ("priority", .string(decision.priority.rawValue)),
        ]
        if let experiment = decision.experiment {
            members.append(("experiment", .object(JSONObject([("id", .string(experiment.id)), ("arm", .string(experiment.arm))]))))
        }
        if let dispatch {
            members.append(("dispatch", .object(JSONObject([
                ("id", .int(dispatch.id)),
                ("team_id", dispatch.teamID.map(JSONValue.string) ?? .null),
                ("eta_minutes", dispatch.etaMinutes.map(JSONValue.double) ?? .null),
            ]))))
        }
        if let followUp {
            members.append(("follow_up", .object(JSONObject([("id", .string(followUp.id)), ("due_at", .string(followUp.dueAt.rfc3339))]))))
        }
        return .object(JSONObject(members))
    }

}
