import JSON
import LodestarCore
import Postgres

/// One transaction's work for a batch of posts (the phases are `IngestPlan`'s):
/// 1. one round trip locks the contacts and reads what is stored of the posted keys and the
///    contacts' fold states (plus, rarely, a retry's data digests or a pre-fold contact's events);
/// 2. the pure plan judges each post and folds the new events into their contacts' states;
/// 3. routing decides the accepted assessments (`IngestRouting`; choosing a dispatch's team
///    costs a round trip of its own, which carries the writes of phase 4 that need no dispatch
///    lock, ahead of it);
/// 4. one round trip inserts the accepted events, writes the states (with each routed
///    contact's standing decision), routing's effects and the audit rows, and commits. A post
///    that is refused writes nothing and fails no other post.
struct IngestHandler: GroupCommitHandler {
    let maxEventsPerContact: Int
    let routing: IngestRouting

    func commit(_ posts: [IngestPost], in tx: PostgresTransaction) async throws -> [PostVerdict] {
        let plan = IngestPlan(posts: posts.map { $0.events })
        let (stored, routingReads) = try await readStored(plan, in: tx)
        let outcome = plan.outcome(stored: stored, maxEventsPerContact: maxEventsPerContact)

        var decided: IngestRouting.Decisions?
        if let routingReads { decided = try await routing.decide(outcome, found: routingReads, in: tx) }
        var last = PostgresBatch()
        let accepted = outcome.acceptedEvents
        var contactRows: PostgresQuery?
        if !accepted.isEmpty {
            last.add(IngestSQL.insertEvents, [IngestSQL.eventRecordset(accepted)])
            let standing = IngestRouting.standing(decided)
            contactRows = PostgresQuery(ContactColumns.upsertSQL, [ContactColumns.recordset(outcome.states, standing: standing)])
        }
        var decisions: [EventKey: RoutedDecision] = [:]
        var audit = IngestAudit.entries(posts, outcome.verdicts)
        if let routingReads {
            decisions = try await routing.carryOut(decided, outcome, found: routingReads, actors: posts.map { $0.actor }, in: tx,
                                                   batch: &last, contactRows: contactRows, audit: &audit)
        } else if let contactRows {
            last.add(contactRows)
        }
        if !audit.isEmpty { last.add(AuditEntry.insertSQL, [AuditEntry.recordset(audit)]) }
        _ = try await tx.executeAndCommit(last)
        if decided?.decided.contains(where: { $0.wantsDispatch || $0.wantsFollowUp }) == true { await routing.appends.committed() }
        return decisions.isEmpty ? outcome.verdicts : outcome.verdicts.map { Self.attach(decisions, to: $0) }
    }

    /// Each assessment's result with its decision (made now, or recorded when first stored).
    static func attach(_ decisions: [EventKey: RoutedDecision], to verdict: PostVerdict) -> PostVerdict {
        guard case .accepted(var results) = verdict else { return verdict }
        for index in results.indices where results[index].event.type == .assessed {
            results[index].decision = decisions[results[index].event.key]
        }
        return .accepted(results)
    }

    /// A unique violation on an event key means a concurrent transaction stored that key after
    /// our read: the retry reads it and judges the post against it.
    func shouldRetry(after error: PostgresError) -> Bool {
        error.isUniqueViolation && error.constraint == "contact_events_pkey"
    }

    private func readStored(_ plan: IngestPlan, in tx: PostgresTransaction) async throws -> (IngestStoredFacts, IngestRouting.Found?) {
        var first = PostgresBatch()
        first.add(IngestSQL.genericPlans)
        first.add(IngestSQL.lockContacts, [plan.contactIDs])
        let heads = first.add(IngestSQL.storedHeads, [plan.keys.map { $0.source }, plan.keys.map { $0.eventID }])
        let folds = first.add(IngestSQL.storedFolds, [plan.contactIDs])
        let routingReads = IngestRouting.addReads(for: plan, to: &first)
        let read = try await tx.execute(first)
        try read.check()
        let found = try routingReads.map { try IngestRouting.found($0, in: read) }

        var stored = IngestStoredFacts()
        for row in try read.rows(heads) {
            guard let source = row[0].string, let eventID = row[1].string, let contactID = row[2].string,
                  let type = row[3].string.flatMap(ContactEventType.init), let at = row[4].timestamp
            else { throw IngestStoreCorrupt() }
            stored.events[EventKey(source: source, eventID: eventID)] =
                StoredEventHead(contactID: contactID, type: type, occurredAt: at)
        }
        var unfolded: [String] = []
        for row in try read.rows(folds) {
            guard let contactID = row[0].string else { throw IngestStoreCorrupt() }
            if let state = ContactState(storedFold: row[1].string) {
                stored.states[contactID] = state
            } else {
                unfolded.append(contactID)
            }
        }

        let occurrences = plan.occurrencesOfStoredKeys(stored)
        if !occurrences.isEmpty {
            for row in try await tx.query(IngestSQL.differingData, [IngestSQL.dataRecordset(occurrences)]) {
                if let ordinal = row[0].int { stored.dataDiffers.insert(ordinal) }
            }
        }
        if !unfolded.isEmpty {
            let rows = try await tx.query(IngestSQL.eventsOfContacts, [unfolded])
            for event in try rows.map(Self.storedEvent) {
                stored.states[event.contactID, default: ContactState()].apply(event)
            }
        }
        return (stored, found)
    }

    static func storedEvent(_ row: PostgresRow) throws -> ContactEvent {
        guard let source = row[0].string, let eventID = row[1].string, let contactID = row[2].string,
              let type = row[3].string.flatMap(ContactEventType.init), let at = row[4].timestamp,
              let body = row[5].string.flatMap({ try? JSON.parse(Array($0.utf8)) }),
              let event = StoredEvent.decode(source: source, eventID: eventID, contactID: contactID, type: type,
                                             occurredAt: at, body: body)
        else { throw IngestStoreCorrupt() }
        return event
    }
}

/// A stored row that cannot be read back (a column null that the schema forbids).
struct IngestStoreCorrupt: Error {}
