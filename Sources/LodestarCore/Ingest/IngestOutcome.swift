/// The judgement of every post in a transaction and the new state of each changed contact.
public struct IngestOutcome: Sendable {
    /// Per post, in the order the posts joined the transaction.
    public let verdicts: [PostVerdict]
    /// Every accepted event in posted order, with where it was posted.
    public let accepted: [AcceptedEvent]
    /// Contacts with at least one accepted event, and their state over all their events.
    public let states: [String: ContactState]

    /// The accepted events, in posted order (the rows to insert).
    public var acceptedEvents: [ContactEvent] { accepted.map { $0.event } }
}

/// How one post fares: all its events answered, or the whole post refused.
public enum PostVerdict: Sendable {
    case accepted([IngestResult])
    case rejected(IngestRejection)

    public var isAccepted: Bool {
        if case .accepted = self { true } else { false }
    }
}

/// Why a post is refused whole (nothing of it is stored).
public enum IngestRejection: Sendable {
    /// A `(source, event_id)` already stored or posted earlier came back with other content.
    case conflict([EventConflict])
    /// The event at `eventIndex` would take its contact beyond `limit` events.
    case tooManyEvents(eventIndex: Int, limit: Int)
    /// A per-post step failed for this post alone.
    case stepFailed(any Error)
}

/// One conflicting retry: the event's index in its post and the fields that differ.
public struct EventConflict: Sendable, Equatable {
    public var eventIndex: Int
    public var fields: [EventField]

    public init(eventIndex: Int, fields: [EventField]) {
        self.eventIndex = eventIndex
        self.fields = fields
    }
}

/// The content fields of an event that a retry must repeat exactly.
public enum EventField: String, Sendable, CaseIterable {
    case contactID = "contact_id"
    case type
    case occurredAt = "occurred_at"
    case data
}

/// Whether one posted event was stored now or had been stored before, and for an assessment
/// the routing decision made for it (now, or when it was first stored).
public struct IngestResult: Sendable {
    public enum Status: String, Sendable { case accepted, duplicate }
    public var event: ContactEvent
    public var status: Status
    public var decision: RoutedDecision?

    public init(event: ContactEvent, status: Status, decision: RoutedDecision? = nil) {
        self.event = event
        self.status = status
        self.decision = decision
    }
}

/// An accepted event and where it was posted.
public struct AcceptedEvent: Sendable {
    public var post: Int
    public var index: Int
    public var event: ContactEvent
}
