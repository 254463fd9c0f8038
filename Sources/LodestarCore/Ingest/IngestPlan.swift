public import Time
/// What one group-committed transaction must do for the event posts it carries.
///
/// Pure: the store runs the SQL; this decides which contacts to lock, which events are new,
/// duplicates or conflicting retries, which posts are rejected whole, and the new state of
/// every touched contact, folded from its stored state and its new events only.
///
/// The work runs in phases, each a place where later steps hook in:
/// 1. `IngestPlan(posts:)`: keys and contacts, known before the database is asked anything.
/// 2. The store reads what is stored of those keys and contacts (`IngestStoredFacts`).
/// 3. `outcome(stored:maxEventsPerContact:)` judges each post on its own: a post with a
///    conflicting retry or one event too many is rejected, and the others go on unharmed.
/// 4. Per-post steps (routing, SPEC §5) read `IngestOutcome.accepted` and the contacts' new
///    states before anything is written.
/// 5. The store writes the accepted posts' rows and states and commits.
public struct IngestPlan: Sendable {
    /// The events of each post, in the order the posts joined the transaction.
    public let posts: [[ContactEvent]]
    /// Every distinct key of the transaction.
    public let keys: [EventKey]
    /// Every contact the transaction touches, each once, in byte order (a stable order makes
    /// statements and logs reproducible).
    public let contactIDs: [String]

    public init(posts: [[ContactEvent]]) {
        self.posts = posts
        var seen = Set<EventKey>()
        var keys: [EventKey] = []
        var contacts = Set<String>()
        for event in posts.joined() where seen.insert(event.key).inserted {
            keys.append(event.key)
            contacts.insert(event.contactID)
        }
        self.keys = keys
        self.contactIDs = contacts.sorted { $0.precedesInByteOrder($1) }
    }

    /// Every posted event whose key is already stored, with its position in `posts.joined()`:
    /// their `data` must be compared with the stored event's (by digest, in the database).
    public func occurrencesOfStoredKeys(_ stored: IngestStoredFacts) -> [(ordinal: Int, event: ContactEvent)] {
        guard !stored.events.isEmpty else { return [] }
        return posts.joined().enumerated().compactMap { ordinal, event in
            stored.events[event.key] == nil ? nil : (ordinal, event)
        }
    }
}

/// What the first round trip found in the database for a plan.
public struct IngestStoredFacts: Sendable {
    /// The stored head of every key of the plan that exists already.
    public var events: [EventKey: StoredEventHead]
    /// Positions (in `posts.joined()`) of posted events whose `data` differs from the stored
    /// event of the same key.
    public var dataDiffers: Set<Int>
    /// The state of every touched contact that has events, folded over all of them.
    public var states: [String: ContactState]

    public init(events: [EventKey: StoredEventHead] = [:], dataDiffers: Set<Int> = [], states: [String: ContactState] = [:]) {
        self.events = events
        self.dataDiffers = dataDiffers
        self.states = states
    }
}

/// The identifying fields of a stored event, against which a retry is compared.
public struct StoredEventHead: Sendable, Equatable {
    public var contactID: String
    public var type: ContactEventType
    public var occurredAt: Timestamp

    public init(contactID: String, type: ContactEventType, occurredAt: Timestamp) {
        self.contactID = contactID
        self.type = type
        self.occurredAt = occurredAt
    }
}
