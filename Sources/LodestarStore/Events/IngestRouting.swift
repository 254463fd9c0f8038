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
/// dispatch lock, which the transaction's writes that need no lock precede); everything else
/// joins the final batch with the COMMIT. Deciding comes first (`decide`), so that the
/// contacts' rows carry their standing decision when they are written (`standing`), then
/// carrying out (`carryOut`).
///
/// A contact that already has an open dispatch keeps it: a re-assessment that asks for a team
/// is answered with the open one rather than a second team. Follow-ups are per decision.
struct IngestRouting: Sendable {
    let eta: ETAModel
    let rulesets: CompiledRulesets
    /// Told when a transaction that created follow-ups or dispatches committed.
    let appends: ChangeAppends

    /// The first round trip's statement for routing, one whatever the batch: the active
    /// version, the regions the assessed contacts may name, and their open dispatch, as JSON
    /// arrays (`lodestar_routing_facts`, `sql/014_follow_up_per_decision.sql`).
    static let readSQL = "SELECT active_version, region_rows, open_dispatch_rows FROM lodestar_routing_facts($1::text[], $2::text[])"

    /// The regions a contact's stored events name (a fact as of a late assessment may be a
    /// region the contact has since left, which the first read did not load).
    static let regionsOfHistorySQL = """
        SELECT r.code, r.type, r.timezone, r.response_target_minutes FROM regions r
        WHERE r.code IN (SELECT e.body->'data'->>'region' FROM contact_events e WHERE e.contact_id = ANY($1::text[]))
        """

    /// Adds routing's read to the first batch; nil when no post holds an assessment.
    static func addReads(for plan: IngestPlan, to batch: inout PostgresBatch) -> PostgresBatch.Handle? {
        let assessments = plan.posts.joined().filter { $0.type == .assessed }
        guard !assessments.isEmpty else { return nil }
        let contactIDs = Array(Set(assessments.map { $0.contactID }))
        let named = Array(AssessmentRouting.regionsNamed(in: plan.posts.joined()))
        return batch.add(readSQL, [named, contactIDs])
    }

    /// What the read found.
    struct Found {
        var version: Int?
        var regions: [String: RegionProfile] = [:]
        var openDispatches: [String: DecisionDispatch] = [:]
    }

    static func found(_ read: PostgresBatch.Handle, in results: PostgresBatchResults) throws -> Found {
        guard let row = try results.rows(read).first else { throw IngestStoreCorrupt() }
        var found = Found()
        found.version = row[0].int
        for item in try jsonRows(row[1].string) {
            guard let code = item[0]?.stringValue, let type = item[1]?.stringValue.flatMap(RegionType.init(rawValue:)),
                  let zone = item[2]?.stringValue, let target = item[3]?.intValue
            else { throw IngestStoreCorrupt() }
            found.regions[code] = RegionProfile(type: type, timeZone: zone, responseTargetMinutes: Int(target), isDescribed: true)
        }
        for item in try jsonRows(row[2].string) {
            guard let contactID = item[0]?.stringValue, let id = item[1]?.intValue else { throw IngestStoreCorrupt() }
            found.openDispatches[contactID] = DecisionDispatch(id: id, teamID: item[2]?.stringValue, etaMinutes: item[3]?.doubleValue)
        }
        return found
    }

    private static func jsonRows(_ text: String?) throws -> [JSONValue] {
        guard let text, let rows = try JSON.parse(Array(text.utf8)).arrayValue else { throw IngestStoreCorrupt() }
        return rows
    }

    /// The assessments of one transaction as decided, before anything is carried out.
    struct Decisions {
        let version: Int
        let ruleset: CompiledRuleset
        let decided: [AssessmentRouting.Decided]
    }

    /// Decides the outcome's accepted assessments with the active ruleset (nil when no version
    /// is active or no assessment was accepted). Pure but for the compiled-ruleset cache and,
    /// rarely, a read of the stored events of contacts whose assessment something already stored
    /// follows (a late assessment: its facts are those as of it, `AssessmentRouting`).
    func decide(_ outcome: IngestOutcome, found: Found, in tx: PostgresTransaction) async throws -> Decisions? {
        guard let version = found.version, outcome.accepted.contains(where: { $0.event.type == .assessed }),
              let ruleset = try await rulesets.compiled(version)
        else { return nil }
        var history: [String: [ContactEvent]] = [:]
        var regions = found.regions
        let needing = AssessmentRouting.contactsNeedingHistory(outcome).sorted()
        if !needing.isEmpty {
            var batch = PostgresBatch()
            let events = batch.add(IngestSQL.eventsOfContacts, [needing])
            let named = batch.add(Self.regionsOfHistorySQL, [needing])
            let read = try await tx.execute(batch)
            try read.check()
            for row in try read.rows(events) {
                let event = try IngestHandler.storedEvent(row)
                history[event.contactID, default: []].append(event)
            }
            for row in try read.rows(named) {
                guard let code = row[0].string, let type = row[1].string.flatMap(RegionType.init(rawValue:)),
                      let zone = row[2].string, let target = row[3].int
                else { throw IngestStoreCorrupt() }
                regions[code] = RegionProfile(type: type, timeZone: zone, responseTargetMinutes: target, isDescribed: true)
            }
        }
        var zones: [String: ZoneRules] = [:]
        for profile in regions.values where zones[profile.timeZone] == nil {
            zones[profile.timeZone] = try? ZoneInfoDatabase.system.rules(named: profile.timeZone)
        }
        let decided = AssessmentRouting.decide(
            outcome, history: history, context: .init(ruleset: ruleset, version: version, regions: regions, zones: zones))
        return Decisions(version: version, ruleset: ruleset, decided: decided)
    }

    /// Carries the decisions out: adds `contactRows` (the write of the contacts' rows, with
    /// their standing decisions), then the decisions' follow-ups, dispatches, decision rows and
    /// stream changes to `batch`, which holds the transaction's other writes, and their audit
    /// rows to `audit`. Returns the decisions by the assessment's key, with those of retried
    /// assessments as recorded when first stored.
    ///
    /// When a dispatch is to be created, choosing its team costs one more round trip under the
    /// dispatch lock, held to the commit. What needs no lock (`batch` so far, the follow-ups'
    /// rows and the audit rows so far) rides on that round trip before the lock is taken, and
    /// `batch` and `audit` are left holding only what follows it: the lock is held for the
    /// choice, the writes of the contacts, the dispatches and the decisions, and the commit, not
    /// for the whole transaction's writes. The contacts' rows follow the lock because their
    /// triggers bring dispatches and the board's version up to date with where the contacts are
    /// (sql/010, sql/017): a transaction that wrote them and then waited for the lock would hold
    /// rows that the lock's holder may need, a deadlock.
    func carryOut(_ decisions: Decisions?, _ outcome: IngestOutcome, found: Found, actors: [String], in tx: PostgresTransaction,
                  batch: inout PostgresBatch, contactRows: PostgresQuery?,
                  audit: inout [AuditEntry]) async throws -> [EventKey: RoutedDecision] {
        var byKey = try await recorded(retriedAssessmentsIn: outcome, in: tx)
        guard let decisions else {
            if let contactRows { batch.add(contactRows) }
            return byKey
        }
        let decided = decisions.decided
        var routed = decided.map { RoutedDecision(contactID: $0.event.contactID, rulesetVersion: decisions.version, decision: $0.decision) }

        let followUps = followUps(decided, &routed, actors: actors)
        let now = Timestamp(microseconds: WallClock.microsecondsSinceEpoch)
        audit += followUps.map { FollowUpCreation.auditEntry($0, by: $1) }
        // The follow-ups' rows not written yet (they go ahead of the dispatch lock when one is taken).
        var followUpRows = FollowUpSQL.creationRecordset(followUps.map { $0.0 })
        let followUpChanges = followUps.map { FollowUpCreation.announcement($0.0, now: now) }

        var serving = found.openDispatches
        let requests = dispatchRequests(decided, ruleset: decisions.ruleset, open: serving, actors: actors)
        var dispatches = DispatchWrites()
        if requests.isEmpty {
            if let contactRows { batch.add(contactRows) }
        } else {
            if !followUps.isEmpty { batch.add(FollowUpSQL.insert, [followUpRows]) }
            followUpRows = "[]"
            if !audit.isEmpty { batch.add(AuditEntry.insertSQL, [AuditEntry.recordset(audit)]) }
            let pending = batch
            batch = PostgresBatch()
            audit = []
            if let contactRows { batch.add(contactRows) }
            for dispatch in try await plan(requests, states: outcome.states, in: tx, after: pending, writes: &dispatches) {
                serving[dispatch.contactID] = DecisionDispatch(id: dispatch.id, teamID: dispatch.teamID, etaMinutes: dispatch.etaMinutes)
            }
            // The dispatches' and teams' rows go first (decisions name them); their audit rows
            // and stream changes join the transaction's single statements of each.
            dispatches.addRows(to: &batch, eta: eta)
            audit += dispatches.audit
        }
        // A decision that asks for a team names the dispatch serving its contact: the one it
        // created, or the contact's open one (also a superseded decision's, which creates none).
        for (index, item) in decided.enumerated() where item.decision.action == .dispatchMobileTeam {
            routed[index].dispatch = serving[item.event.contactID]
        }
        batch.add(Self.writeSQL, [followUpRows, Self.recordset(decided, routed),
                                  Change.recordset(dispatches.changes + followUpChanges)])
        for (item, decision) in zip(decided, routed) { byKey[item.event.key] = decision }
        return byKey
    }

    /// The recorded decisions of posted assessments that were stored before (a retry learns
    /// what it missed); an extra round trip, only when there are such retries.
    private func recorded(retriedAssessmentsIn outcome: IngestOutcome, in tx: PostgresTransaction) async throws -> [EventKey: RoutedDecision] {
        var keys: [EventKey] = []
        for case .accepted(let results) in outcome.verdicts {
            keys += results.filter { $0.status == .duplicate && $0.event.type == .assessed }.map { $0.event.key }
        }
        guard !keys.isEmpty else { return [:] }
        var decisions: [EventKey: RoutedDecision] = [:]
        for row in try await tx.query(DecisionSQL.ofEvents, [keys.map { $0.source }, keys.map { $0.eventID }]) {
            guard let stored = DecisionSQL.decision(row) else { throw IngestStoreCorrupt() }
            decisions[EventKey(source: stored.source, eventID: stored.eventID)] = stored.routed
        }
        return decisions
    }

    /// The dispatches to create for decisions that ask for a team, with who asked: a contact's
    /// standing decision (at most one per contact, `Decided.stands`) creates one, requested at
    /// its assessment's time, unless the contact has an open dispatch, which it stands by.
    private func dispatchRequests(_ decided: [AssessmentRouting.Decided], ruleset: CompiledRuleset,
                                  open: [String: DecisionDispatch], actors: [String]) -> [(request: DispatchRequest, actor: String)] {
        var requests: [(request: DispatchRequest, actor: String)] = []
        var requested = Set<String>()
        for item in decided.sorted(by: { $0.event.order < $1.event.order }) where item.wantsDispatch {
            let contactID = item.event.contactID
            guard open[contactID] == nil, requested.insert(contactID).inserted else { continue }
            let settings = ruleset.dispatch
            let assignment: DispatchAssignment = settings.autoAssign
                ? .automatic(maxETAMinutes: settings.maxETAMinutes.map(Double.init)) : .manual
            requests.append((DispatchRequest(contactID: contactID, priority: item.decision.priority, requires: item.decision.requires,
                                             requestedAt: item.event.occurredAt, assignment: assignment), actors[item.post]))
        }
        return requests
    }

    /// Creates the requested dispatches, choosing their teams under the dispatch lock (one round
    /// trip, which sends `pending` first), and adds them to `writes`.
    private func plan(_ requests: [(request: DispatchRequest, actor: String)], states: [String: ContactState],
                      in tx: PostgresTransaction, after pending: PostgresBatch, writes: inout DispatchWrites) async throws -> [Dispatch] {
        var created: [Dispatch] = []
        var unsent = pending
        for actor in Set(requests.map { $0.actor }).sorted() {
            let mine = requests.filter { $0.actor == actor }.map { $0.request }
            var facts: [String: DispatchPlanner.ContactFacts] = [:]
            for request in mine {
                facts[request.contactID] = .init(region: states[request.contactID]?.region, location: states[request.contactID]?.location)
            }
            created += try await DispatchPlanner(eta: eta).plan(mine, contacts: facts, actor: actor, in: tx, after: unsent, writes: &writes)
            unsent = PostgresBatch()
        }
        return created
    }

    /// Follow-ups for standing decisions that ask for one the caller did not decline: each such
    /// decision creates its own, at the assessment's time and due the rule's delay later (SPEC §5), even
    /// when the contact still has an open one: a re-assessment's deadline is its own, and the
    /// earlier follow-up stays on the list until it is worked.
    private func followUps(_ decided: [AssessmentRouting.Decided], _ routed: inout [RoutedDecision],
                           actors: [String]) -> [(FollowUp, String)] {
        var created: [(FollowUp, String)] = []
        for (index, item) in decided.enumerated() {
            guard item.wantsFollowUp, let within = item.decision.followUp,
                  let followUp = try? FollowUpCreation.make(contactID: item.event.contactID, createdAt: item.event.occurredAt, within: within)
            else { continue }
            created.append((followUp, actors[item.post]))
            routed[index].followUp = DecisionFollowUp(id: followUp.id, dueAt: followUp.dueAt)
        }
        return created
    }

    /// Routing's writes in one statement: the follow-ups, the decisions and the follow-ups'
    /// stream changes (`lodestar_record_routing`). The contact's standing decision is written
    /// with its row (`standing`).
    static let writeSQL = "SELECT lodestar_record_routing($1::jsonb, $2::jsonb, $3::jsonb)"

    /// Each routed contact's standing decision: the one of its latest assessment, when that is
    /// one of this transaction's (a late, older assessment is decided but does not stand).
    static func standing(_ decisions: Decisions?) -> [String: ContactColumns.Standing] {
        guard let decisions else { return [:] }
        var standing: [String: ContactColumns.Standing] = [:]
        for item in decisions.decided where item.stands {
            standing[item.event.contactID] = ContactColumns.Standing(
                rulesetVersion: decisions.version, experimentID: item.decision.experiment?.id, experimentArm: item.decision.experiment?.arm)
        }
        return standing
    }

    /// The decision rows for `lodestar_record_routing`, written straight into their JSON text.
    static func recordset(_ decided: [AssessmentRouting.Decided], _ routed: [RoutedDecision]) -> String {
        var writer = JSONWriter(reservingCapacity: 640 * decided.count)
        writer.beginArray()
        for (item, routed) in zip(decided, routed) {
            let decision = routed.decision
            writer.beginObject()
            writer.key("source"); writer.string(item.event.source)
            writer.key("event_id"); writer.string(item.event.eventID)
            writer.key("contact_id"); writer.string(item.event.contactID)
            writer.key("assessed_at"); writer.string(item.event.occurredAt.rfc3339)
            writer.key("ruleset_version"); writer.int(Int64(routed.rulesetVersion))
            writer.key("rule_id"); writer.string(decision.ruleID)
            writer.key("action"); writer.string(decision.action.rawValue)
            writer.key("priority"); writer.string(decision.priority.rawValue)
            writer.key("requires")
            writer.beginArray()
            for capability in decision.requires { writer.string(capability) }
            writer.endArray()
            writer.key("follow_up"); if let followUp = decision.followUp { writer.string(followUp.iso8601) } else { writer.null() }
            writer.key("experiment_id"); if let experiment = decision.experiment { writer.string(experiment.id) } else { writer.null() }
            writer.key("experiment_arm"); if let experiment = decision.experiment { writer.string(experiment.arm) } else { writer.null() }
            writer.key("dispatch_id"); if let dispatch = routed.dispatch { writer.int(dispatch.id) } else { writer.null() }
            writer.key("follow_up_id"); if let followUp = routed.followUp { writer.string(followUp.id) } else { writer.null() }
            writer.member("facts", item.facts.json)
            writer.endObject()
        }
        writer.endArray()
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
