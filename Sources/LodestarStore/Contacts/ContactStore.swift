public import LodestarCore
public import JSON
public import Loop
import Postgres

/// Reads contacts, recording each read in the audit log in the same transaction, so that no
/// contact data leaves the database without its audit row being committed.
@LoopActor
public final class ContactStore {
    let pool: PostgresPool

    init(pool: PostgresPool) { self.pool = pool }

    /// The contact's state and one page of its timeline: at most `timelineLimit` events in
    /// timeline order, those after `after` when given; `nil` for an unknown contact. The
    /// state is the stored fold, so a read costs its page, not the contact's whole history.
    public func read(_ contactID: String, timelineLimit: Int, after: EventOrder?,
                     auditedAs actor: String) async throws -> ContactView? {
        try await pool.transaction { tx in
            var batch = PostgresBatch()
            let fold = batch.add("SELECT fold FROM contacts WHERE contact_id = $1", [contactID])
            let page = batch.add(TimelineSQL.page, TimelineSQL.parameters(contactID, after: after, limit: timelineLimit + 1))
            let followUps = batch.add(FollowUpSQL.ofContact, [contactID])
            let dispatches = batch.add(DispatchSQL.ofContact, [contactID])
            let decisions = batch.add(DecisionSQL.ofContact, [contactID])
            batch.add(Self.auditRead, [actor, "contact/\(contactID)", contactID])
            let results = try await tx.execute(batch)
            try results.check()
            let dispatchRows = try results.rows(dispatches).map { try DispatchSQL.dispatch($0) }
            let state: ContactState
            if let row = try results.rows(fold).first, let stored = ContactState(storedFold: row[0].string) {
                state = stored
            } else if try results.rows(fold).isEmpty {
                // No event yet. A dispatcher may send a team before the call-centre's events
                // arrive: such a contact is known by its dispatches, and shown with them.
                guard !dispatchRows.isEmpty else { return nil }
                state = ContactState()
            } else {
                // Written before folds were stored: derive it from the events, once per read
                // until the contact's next write stores it.
                let events = try await tx.query(IngestSQL.eventsOfContacts, [[contactID]])
                state = ContactState.derive(from: try events.map(IngestHandler.storedEvent))
            }
            var timeline = try results.rows(page).map(TimelineSQL.entry)
            let hasMore = timeline.count > timelineLimit
            if hasMore { timeline.removeLast() }
            return ContactView(state: state, timeline: timeline.map { $0.body }, next: hasMore ? timeline.last?.order : nil,
                               followUps: try results.rows(followUps).map(FollowUpSQL.followUp),
                               dispatches: dispatchRows,
                               decisions: try results.rows(decisions).compactMap(DecisionSQL.decision))
        }
    }
}

extension ContactStore {
    /// The read's audit row, whether or not the contact exists (a probe for ids is a read too).
    static let auditRead = """
        INSERT INTO audit_log (actor, action, resource, detail)
        VALUES ($1, 'contact.read', $2, jsonb_build_object('found', EXISTS (SELECT 1 FROM contacts WHERE contact_id = $3)
                                                                   OR EXISTS (SELECT 1 FROM dispatches WHERE contact_id = $3)))
        """
}

/// What a read of one contact returns.
public struct ContactView: Sendable {
    public var state: ContactState
    /// Stored events as received (with their source), in timeline order.
    public var timeline: [JSONValue]
    /// Where the next page starts, when there is one.
    public var next: EventOrder?
    /// The contact's follow-ups with their attempts, oldest first.
    public var followUps: [FollowUp]
    /// The contact's dispatches, oldest request first.
    public var dispatches: [Dispatch] = []
    /// The contact's routing decisions, oldest assessment first (the last one stands).
    public var decisions: [StoredDecision] = []
}
