import JSON
import LodestarCore
import Loop
import Postgres
import Time
import ZoneInfo

/// Routing in the ingest transaction (SPEC §5): every accepted assessment is decided with the
/// active ruleset, and its dispatch and follow-up are written with its event, so the decision,
/// its effects and the event commit together or not at all.
///
/// Its reads ride on the transaction's first round trip (only when a post holds an
/// assessment); a dispatch to choose a team for costs one more (`DispatchPlanner`, under the
/// dispatch lock); everything else joins the final batch with the COMMIT.
///
/// A contact that already has an open dispatch or follow-up keeps it: a re-assessment that
/// asks for the same is answered with the open one rather than a second team or a second call.
struct IngestRouting: Sendable {
    let eta: ETAModel
    let rulesets: CompiledRulesets

    /// The first round trip's statements for routing.
    struct Reads {
        var active: PostgresBatch.Handle
        var regions: PostgresBatch.Handle
        var recorded: PostgresBatch.Handle
        var openDispatches: PostgresBatch.Handle
        var openFollowUps: PostgresBatch.Handle
        var regionCodes: [String]
    }

    /// Adds the reads routing needs to the first batch; nil when no post holds an assessment.
    static func addReads(for plan: IngestPlan, to batch: inout PostgresBatch) -> Reads? {
        let assessments = plan.posts.joined().filter { $0.type == .assessed }
        guard !assessments.isEmpty else { return nil }
        let contactIDs = Array(Set(assessments.map(\.contactID)))
        let named = Array(AssessmentRouting.regionsNamed(in: plan.posts.joined()))
        return Reads(
            active: batch.add("SELECT version FROM rulesets WHERE active"),
            regions: batch.add("""
                SELECT \(RegionSQL.columns) FROM regions
                WHERE code = ANY($1::text[]) OR code IN (SELECT region FROM contacts WHERE contact_id = ANY($2::text[]))
                """, [named, contactIDs]),
            recorded: batch.add(DecisionSQL.ofEvents, [assessments.map(\.source), assessments.map(\.eventID)]),
            openDispatches: batch.add("""
                SELECT DISTINCT ON (contact_id) contact_id, id, team_id, eta_minutes FROM dispatches
                WHERE contact_id = ANY($1::text[]) AND status IN ('requested', 'assigned', 'en_route', 'on_scene')
                ORDER BY contact_id, requested_at DESC, id DESC
                """, [contactIDs]),
            openFollowUps: batch.add("""
                SELECT DISTINCT ON (contact_id) contact_id, id::text, due_at FROM follow_ups
                WHERE contact_id = ANY($1::text[]) AND status = 'open'
                ORDER BY contact_id, due_at, id
                """, [contactIDs]),
            regionCodes: named)
    }

    /// What the reads found.
    struct Found {
        var version: Int?
        var regions: [String: RegionProfile] = [:]
        var recorded: [EventKey: RoutedDecision] = [:]
        var openDispatches: [String: DecisionDispatch] = [:]
        var openFollowUps: [String: DecisionFollowUp] = [:]
    }

    static func found(_ reads: Reads, in results: PostgresBatchResults) throws -> Found {
        var found = Found()
        found.version = try results.rows(reads.active).first?[0].int
        for row in try results.rows(reads.regions) {
            let region = try RegionSQL.region(row)
            found.regions[region.code] = region.profile
        }
        for row in try results.rows(reads.recorded) {
            guard let stored = DecisionSQL.decision(row) else { throw IngestStoreCorrupt() }
            found.recorded[EventKey(source: stored.source, eventID: stored.eventID)] = stored.routed
        }
        for row in try results.rows(reads.openDispatches) {
            guard let contactID = row[0].string, let id = row[1].int64 else { throw IngestStoreCorrupt() }
            found.openDispatches[contactID] = DecisionDispatch(id: id, teamID: row[2].string, etaMinutes: row[3].double)
        }
        for row in try results.rows(reads.openFollowUps) {
            guard let contactID = row[0].string, let id = row[1].string, let dueAt = row[2].timestamp else { throw IngestStoreCorrupt() }
            found.openFollowUps[contactID] = DecisionFollowUp(id: id, dueAt: dueAt)
        }
        return found
    }

    /// Decides the outcome's accepted assessments and adds their effects to `batch` (after the
    /// events and contact rows). Returns the decisions by the assessment's key, and those of
    /// assessments stored before (duplicates) as recorded.
    func route(_ outcome: IngestOutcome, found: Found, actors: [String], in tx: PostgresTransaction,
               batch: inout PostgresBatch) async throws -> [EventKey: RoutedDecision] {
        var decisions = found.recorded
        guard let version = found.version, outcome.accepted.contains(where: { $0.event.type == .assessed }),
              let ruleset = try await rulesets.compiled(version)
        else { return decisions }
        var zones: [String: ZoneRules] = [:]
        for profile in found.regions.values where zones[profile.timeZone] == nil {
            zones[profile.timeZone] = try? ZoneInfoDatabase.system.rules(named: profile.timeZone)
        }
        let decided = AssessmentRouting.decide(
            outcome.accepted, context: .init(ruleset: ruleset, version: version, regions: found.regions, zones: zones))

        var openDispatches = found.openDispatches
        var openFollowUps = found.openFollowUps
        var routed = decided.map { RoutedDecision(contactID: $0.event.contactID, rulesetVersion: version, decision: $0.decision) }

        // Dispatches: the first decision of a contact without an open one asks for a team.
        var requests: [(index: Int, request: DispatchRequest, actor: String)] = []
        var requested = Set<String>()
        for (index, item) in decided.enumerated() where item.wantsDispatch {
            let contactID = item.event.contactID
            guard openDispatches[contactID] == nil, requested.insert(contactID).inserted else { continue }
            let settings = ruleset.dispatch
            let assignment: DispatchAssignment = settings.autoAssign ? .automatic(maxETAMinutes: settings.maxETAMinutes.map(Double.init)) : .manual
            requests.append((index, DispatchRequest(contactID: contactID, priority: item.decision.priority, requires: item.decision.requires,
                                                    requestedAt: item.event.occurredAt, assignment: assignment), actors[item.post]))
        }
        var writes = DispatchWrites()
        for actor in Set(requests.map(\.actor)).sorted() {
            let mine = requests.filter { $0.actor == actor }
            let facts = Dictionary(mine.map { ($0.request.contactID, DispatchPlanner.ContactFacts(
                region: outcome.states[$0.request.contactID]?.region, location: outcome.states[$0.request.contactID]?.location)) },
                uniquingKeysWith: { first, _ in first })
            let created = try await DispatchPlanner(eta: eta).plan(mine.map(\.request), contacts: facts, actor: actor, in: tx, writes: &writes)
            for dispatch in created {
                openDispatches[dispatch.contactID] = DecisionDispatch(id: dispatch.id, teamID: dispatch.teamID, etaMinutes: dispatch.etaMinutes)
            }
        }
        writes.add(to: &batch, eta: eta)

        // Follow-ups: likewise, one open follow-up per contact.
        var followUps: [(FollowUp, String)] = []
        for (index, item) in decided.enumerated() {
            let contactID = item.event.contactID
            if item.wantsDispatch { routed[index].dispatch = openDispatches[contactID] }
            guard item.wantsFollowUp, let within = item.decision.followUp else { continue }
            if let open = openFollowUps[contactID] {
                routed[index].followUp = open
                continue
            }
            guard let followUp = try? FollowUpCreation.make(contactID: contactID, createdAt: item.event.occurredAt, within: within)
            else { continue }
            followUps.append((followUp, actors[item.post]))
            let created = DecisionFollowUp(id: followUp.id, dueAt: followUp.dueAt)
            openFollowUps[contactID] = created
            routed[index].followUp = created
        }
        let now = Timestamp(microseconds: WallClock.microsecondsSinceEpoch)
        for actor in Set(followUps.map(\.1)).sorted() {
            FollowUpCreation.add(followUps.filter { $0.1 == actor }.map(\.0), by: actor, now: now, to: &batch)
        }

        batch.add(Self.insertDecisions, [Self.recordset(decided, routed)])
        batch.add(Self.standingDecisions, [Array(Set(decided.map(\.event.contactID)))])
        for (item, decision) in zip(decided, routed) { decisions[item.event.key] = decision }
        return decisions
    }

    static let insertDecisions = """
        INSERT INTO decisions (source, event_id, contact_id, assessed_at, ruleset_version, rule_id, action, priority,
                               requires, follow_up, experiment_id, experiment_arm, dispatch_id, follow_up_id, facts)
        SELECT source, event_id, contact_id, assessed_at, ruleset_version, rule_id, action, priority,
               ARRAY(SELECT jsonb_array_elements_text(requires)), follow_up, experiment_id, experiment_arm,
               dispatch_id, follow_up_id, facts
        FROM jsonb_to_recordset($1::jsonb) AS r(source text, event_id text, contact_id text, assessed_at timestamptz,
             ruleset_version integer, rule_id text, action text, priority text, requires jsonb, follow_up text,
             experiment_id text, experiment_arm text, dispatch_id bigint, follow_up_id uuid, facts jsonb)
        """

    /// Each routed contact's standing decision (its latest assessment's) on its row, for
    /// reports by ruleset version and experiment arm.
    static let standingDecisions = """
        UPDATE contacts c SET ruleset_version = d.ruleset_version, experiment_id = d.experiment_id, experiment_arm = d.experiment_arm
        FROM (SELECT DISTINCT ON (contact_id) contact_id, ruleset_version, experiment_id, experiment_arm FROM decisions
              WHERE contact_id = ANY($1::text[])
              ORDER BY contact_id, assessed_at DESC, decided_at DESC, source DESC, event_id DESC) d
        WHERE c.contact_id = d.contact_id
        """

    static func recordset(_ decided: [AssessmentRouting.Decided], _ routed: [RoutedDecision]) -> String {
        JSONValue.array(zip(decided, routed).map { item, routed in
            let decision = routed.decision
            return [
                "source": .string(item.event.source), "event_id": .string(item.event.eventID),
                "contact_id": .string(item.event.contactID), "assessed_at": .string(item.event.occurredAt.rfc3339),
                "ruleset_version": .int(Int64(routed.rulesetVersion)), "rule_id": .string(decision.ruleID),
                "action": .string(decision.action.rawValue), "priority": .string(decision.priority.rawValue),
                "requires": .array(decision.requires.map(JSONValue.string)),
                "follow_up": decision.followUp.map { .string($0.iso8601) } ?? .null,
                "experiment_id": decision.experiment.map { .string($0.id) } ?? .null,
                "experiment_arm": decision.experiment.map { .string($0.arm) } ?? .null,
                "dispatch_id": routed.dispatch.map { .int($0.id) } ?? .null,
                "follow_up_id": routed.followUp.map { .string($0.id) } ?? .null,
                "facts": item.facts.json,
            ]
        }).description
    }
}
