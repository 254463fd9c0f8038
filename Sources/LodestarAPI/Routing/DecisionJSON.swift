import JSON
import LodestarCore
import LodestarStore
import Time

/// A routing decision as SPEC §5 shows it: `{"contact_id", "ruleset_version", "rule_id",
/// "action", "priority", "experiment"?, "dispatch"?, "follow_up"?}`.
enum DecisionJSON {
    /// What a decision made, when it was carried out.
    struct Effects {
        var dispatch: (id: Int64, teamID: String?, etaMinutes: Double?)?
        var followUp: (id: String, dueAt: String)?
    }

    static func json(contactID: String, rulesetVersion: Int?, decision: RuleDecision, effects: Effects?) -> JSONValue {
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
        if let dispatch = effects?.dispatch {
            members.append(("dispatch", .object(JSONObject([
                ("id", .int(dispatch.id)),
                ("team_id", dispatch.teamID.map(JSONValue.string) ?? .null),
                ("eta_minutes", dispatch.etaMinutes.map(JSONValue.double) ?? .null),
            ]))))
        }
        if let followUp = effects?.followUp {
            members.append(("follow_up", .object(JSONObject([("id", .string(followUp.id)), ("due_at", .string(followUp.dueAt))]))))
        }
        return .object(JSONObject(members))
    }

    /// A recorded decision, as the contact view lists it.
    static func json(_ stored: StoredDecision) -> JSONValue {
        let effects = Effects(dispatch: stored.dispatch, followUp: stored.followUp.map { ($0.id, $0.dueAt.rfc3339) })
        return json(contactID: stored.contactID, rulesetVersion: stored.rulesetVersion, decision: stored.decision, effects: effects)
    }
}
