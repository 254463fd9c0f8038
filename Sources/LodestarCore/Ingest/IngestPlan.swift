/// What one group-committed transaction must do for the event posts it carries, and how to
/// read the answer of each post from what the database reported.
///
/// Pure: the store runs the SQL; this decides which rows to insert, which contacts to lock,
/// which events count as accepted or duplicate, and the new state of every touched contact.
public struct IngestPlan: Sendable {
    /// The events of each post, in the order the posts joined the transaction.
    public let posts: [[ContactEvent]]
    /// Every distinct event of the transaction, first occurrence only (one row per key).
    public let rows: [ContactEvent]
    /// Every contact the transaction touches, each once, in byte order (a stable order makes
    /// statements and logs reproducible).
    public let contactIDs: [String]

    public init(posts: [[ContactEvent]]) {
        self.posts = posts
        var seen = Set<EventKey>()
        var rows: [ContactEvent] = []
        for event in posts.joined() where seen.insert(event.key).inserted {
            rows.append(event)
        }
        self.rows = rows
        self.contactIDs = Set(rows.map(\.contactID)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The outcome once the rows were inserted.
    /// - Parameters:
    ///   - inserted: keys the insert actually stored (the others already existed).
    ///   - storedEvents: all events, this transaction's included, of contacts that had events
    ///     before it; contacts absent here are new and derive from this transaction alone.
    public func outcome(inserted: Set<EventKey>, storedEvents: [String: [ContactEvent]]) -> IngestOutcome {
        var firstSeen = Set<EventKey>()
        var acceptedByContact: [String: [ContactEvent]] = [:]
        let results = posts.map { events in
            events.map { event -> IngestResult in
                let isFirst = firstSeen.insert(event.key).inserted
                guard isFirst, inserted.contains(event.key) else { return IngestResult(event: event, status: .duplicate) }
                acceptedByContact[event.contactID, default: []].append(event)
                return IngestResult(event: event, status: .accepted)
            }
        }
        var states: [String: ContactState] = [:]
        for (contactID, accepted) in acceptedByContact {
            states[contactID] = ContactState.derive(from: storedEvents[contactID] ?? accepted)
        }
        return IngestOutcome(results: results, states: states)
    }
}

/// Whether one posted event was stored now or had been stored before.
public struct IngestResult: Sendable {
    public enum Status: String, Sendable { case accepted, duplicate }
    public var event: ContactEvent
    public var status: Status
}

/// The answer of every post in the transaction and the new state of each changed contact.
public struct IngestOutcome: Sendable {
    /// Per post, per event, in the order posted.
    public var results: [[IngestResult]]
    /// Contacts with at least one accepted event, and their state over all their events.
    public var states: [String: ContactState]
}
