public import LodestarCore
import Postgres
public import Time

/// A decision as recorded: the assessment it was made for, and the decision as carried out.
public struct StoredDecision: Sendable {
    public var source: String
    public var eventID: String
    public var assessedAt: Timestamp
    public var routed: RoutedDecision
}

/// Reading recorded decisions back, with their dispatch's current team and ETA.
enum DecisionSQL {
    static let columns = """
        d.contact_id, d.source, d.event_id, d.assessed_at, d.ruleset_version, d.rule_id, d.action, d.priority,
        d.requires, d.follow_up, d.experiment_id, d.experiment_arm, d.dispatch_id, x.team_id, x.eta_minutes,
        d.follow_up_id::text, f.due_at
        """
    static let joins = """
        LEFT JOIN dispatches x ON x.id = d.dispatch_id
        LEFT JOIN follow_ups f ON f.id = d.follow_up_id
        """

    /// A contact's decisions, in the order of their assessments.
    static let ofContact = """
        SELECT \(columns) FROM decisions d \(joins)
        WHERE d.contact_id = $1 ORDER BY d.assessed_at, d.decided_at
        """

    /// The decisions of the assessments with the given keys (`$1` sources, `$2` event ids).
    /// Read in the ingest transaction, on its generic plans (`IngestSQL`): every row is reached
    /// by key, each probe on its own (`LATERAL (... OFFSET 0)`), so a plan made while the tables
    /// were empty cannot scan them whole.
    static let ofEvents = """
        SELECT \(columns)
        FROM unnest($1::text[], $2::text[]) AS k(source, event_id)
        CROSS JOIN LATERAL (SELECT s.* FROM decisions s WHERE s.source = k.source AND s.event_id = k.event_id OFFSET 0) d
        LEFT JOIN LATERAL (SELECT s.team_id, s.eta_minutes FROM dispatches s WHERE s.id = d.dispatch_id OFFSET 0) x ON true
        LEFT JOIN LATERAL (SELECT s.due_at FROM follow_ups s WHERE s.id = d.follow_up_id OFFSET 0) f ON true
        """

    static func decision(_ row: PostgresRow) -> StoredDecision? {
        guard let contactID = row[0].string, let source = row[1].string, let eventID = row[2].string,
              let assessedAt = row[3].timestamp, let version = row[4].int, let ruleID = row[5].string,
              let action = row[6].string.flatMap(RoutingAction.init(rawValue:)),
              let priority = row[7].string.flatMap(DispatchPriority.init(rawValue:))
        else { return nil }
        let requires = (try? row[8].decode([String].self)) ?? []
        let followUp = row[9].string.flatMap { try? ISODuration(iso8601: $0) }
        var experiment: ExperimentAssignment?
        if let id = row[10].string, let arm = row[11].string { experiment = ExperimentAssignment(id: id, arm: arm) }
        var routed = RoutedDecision(
            contactID: contactID, rulesetVersion: version,
            decision: RuleDecision(ruleID: ruleID, action: action, priority: priority, requires: requires,
                                   followUp: followUp, experiment: experiment))
        if let dispatchID = row[12].int64 {
            routed.dispatch = DecisionDispatch(id: dispatchID, teamID: row[13].string, etaMinutes: row[14].double)
        }
        if let followUpID = row[15].string, let dueAt = row[16].timestamp { routed.followUp = DecisionFollowUp(id: followUpID, dueAt: dueAt) }
        return StoredDecision(source: source, eventID: eventID, assessedAt: assessedAt, routed: routed)
    }
}
