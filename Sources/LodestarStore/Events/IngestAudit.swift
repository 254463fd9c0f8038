import JSON
import LodestarCore

/// The audit rows of an ingest transaction.
enum IngestAudit {
    /// One row per token per transaction: who wrote, how many events were accepted and how
    /// many were duplicates, and which contacts they concern. Posts committed together are one
    /// write in the database, and a row per post would double the rows ingest writes. Refused
    /// posts wrote nothing and leave no row.
    static func entries(_ posts: [IngestPost], _ verdicts: [PostVerdict]) -> [AuditEntry] {
        var byActor: [String: (accepted: Int, duplicates: Int, contacts: Set<String>)] = [:]
        for (post, verdict) in zip(posts, verdicts) {
            guard case .accepted(let results) = verdict else { continue }
            var entry = byActor[post.actor] ?? (0, 0, [])
            for result in results {
                if result.status == .accepted { entry.accepted += 1 } else { entry.duplicates += 1 }
                entry.contacts.insert(result.event.contactID)
            }
            byActor[post.actor] = entry
        }
        return byActor.sorted { $0.key < $1.key }.map { actor, entry in
            AuditEntry(actor: actor, action: "events.ingest", resource: "events", detail: [
                "accepted": .int(Int64(entry.accepted)), "duplicates": .int(Int64(entry.duplicates)),
                "contacts": .array(entry.contacts.sorted().map { .string($0) }),
            ])
        }
    }
}
