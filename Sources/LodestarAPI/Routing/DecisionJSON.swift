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
            // `team_id` and `eta_minutes` are optional members (SPEC's `?`): left out while the
            // dispatch is queued, or its contact's place unknown, rather than null.
            var fields: [(String, JSONValue)] = [("id", .int(dispatch.id))]
            if let teamID = dispatch.teamID { fields.append(("team_id", .string(teamID))) }
            if let eta = dispatch.etaMinutes { fields.append(("eta_minutes", .double(eta))) }
            members.append(("dispatch", .object(JSONObject(fields))))
        }
        if let followUp {
            members.append(("follow_up", .object(JSONObject([("id", .string(followUp.id)), ("due_at", .string(followUp.dueAt.rfc3339))]))))
        }
        return .object(JSONObject(members))
    }
}
