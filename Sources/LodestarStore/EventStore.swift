public import LodestarCore
import JSON
public import Loop
import Postgres

/// Stores posted contact events through group commit: concurrent posts share one transaction,
/// and each post is answered only after that transaction committed (SPEC §2: a 2xx is durable).
@LoopActor
public final class EventStore {
    private let committer: GroupCommitter<IngestHandler>

    init(pool: PostgresPool, maxPostsPerCommit: Int = 256) {
        committer = GroupCommitter(pool: pool, handler: IngestHandler(), maximumBatchSize: maxPostsPerCommit)
    }

    /// Stores the events of one post (all or nothing) and tells, per event, whether it was
    /// accepted or a duplicate of one stored before.
    public func ingest(_ events: [ContactEvent], by actor: String) async throws -> [IngestResult] {
        try await committer.submit(IngestPost(events: events, actor: actor))
    }

}

/// One transaction's work for a batch of posts: lock the contacts, insert the events,
/// re-derive each touched contact from all its events, write the audit rows.
struct IngestHandler: GroupCommitHandler {
    func commit(_ posts: [IngestPost], in tx: PostgresTransaction) async throws -> [[IngestResult]] {
        let plan = IngestPlan(posts: posts.map(\.events))
        let ids = JSONValue.array(plan.contactIDs.map { .string($0) }).description
        var first = PostgresBatch()
        first.add(IngestSQL.ensureContacts, [ids])
        first.add(IngestSQL.lockContacts, [ids])
        let insert = first.add(IngestSQL.insertEvents, [IngestSQL.eventRecordset(plan.rows)])
        let known = first.add(IngestSQL.eventsOfKnownContacts, [ids])
        let read = try await tx.execute(first)
        try read.check()

        var inserted = Set<EventKey>()
        for row in try read.rows(insert) {
            if let source = row[0].string, let eventID = row[1].string { inserted.insert(EventKey(source: source, eventID: eventID)) }
        }
        var stored: [String: [ContactEvent]] = [:]
        for row in try read.rows(known) {
            let event = try StoredEvent.decode(source: row[0].string, body: row[1].string)
            stored[event.contactID, default: []].append(event)
        }
        let outcome = plan.outcome(inserted: inserted, storedEvents: stored)

        var second = PostgresBatch()
        if !outcome.states.isEmpty { second.add(IngestSQL.updateContacts, [IngestSQL.stateRecordset(outcome.states)]) }
        second.add(AuditEntry.insertSQL, [AuditEntry.recordset(zip(posts, outcome.results).map(auditEntry))])
        try await tx.execute(second).check()
        return outcome.results
    }

    private func auditEntry(_ post: IngestPost, _ results: [IngestResult]) -> AuditEntry {
        AuditEntry(actor: post.actor, action: "events.ingest", resource: "events", detail: [
            "accepted": .int(Int64(results.count { $0.status == .accepted })),
            "duplicates": .int(Int64(results.count { $0.status == .duplicate })),
            "contacts": .array(Set(post.events.map(\.contactID)).sorted().map { .string($0) }),
        ])
    }
}

/// One `POST /v1/events`: its events and the token that posted them.
struct IngestPost: Sendable {
    var events: [ContactEvent]
    var actor: String
}
