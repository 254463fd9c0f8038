public import Time

/// The total order of a contact's events: by `occurred_at`, then lifecycle (received before
/// answered before ... closed), then `source`, then `event_id`.
///
/// Ties are broken by the events' own content rather than by arrival order, so that the order,
/// and every state derived from it, depends only on which events exist, never on when they
/// arrived. `(source, event_id)` is unique, which makes the order total.
public struct EventOrder: Sendable, Hashable, Comparable {
    public var occurredAt: Timestamp
    public var type: ContactEventType
    public var source: String
    public var eventID: String

    public init(occurredAt: Timestamp, type: ContactEventType, source: String, eventID: String) {
        self.occurredAt = occurredAt
        self.type = type
        self.source = source
        self.eventID = eventID
    }

    public static func < (lhs: EventOrder, rhs: EventOrder) -> Bool {
        if lhs.occurredAt != rhs.occurredAt { return lhs.occurredAt < rhs.occurredAt }
        if lhs.type != rhs.type { return lhs.type.lifecycleRank < rhs.type.lifecycleRank }
        if lhs.source != rhs.source { return lhs.source.precedesInByteOrder(rhs.source) }
        return lhs.eventID.precedesInByteOrder(rhs.eventID)
    }
}
