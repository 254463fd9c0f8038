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

    /// The same place: equal times and types, and the same bytes of source and id (Swift's
    /// `==` on the strings would call canonically equivalent ids equal, which `<` orders).
    public static func == (lhs: EventOrder, rhs: EventOrder) -> Bool {
        lhs.occurredAt == rhs.occurredAt && lhs.type == rhs.type
            && lhs.eventID.hasSameBytes(as: rhs.eventID) && lhs.source.hasSameBytes(as: rhs.source)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(occurredAt)
        hasher.combine(type)
        source.hashBytes(into: &hasher)
        eventID.hashBytes(into: &hasher)
    }

    public static func < (lhs: EventOrder, rhs: EventOrder) -> Bool {
        if lhs.occurredAt != rhs.occurredAt { return lhs.occurredAt < rhs.occurredAt }
        if lhs.type != rhs.type { return lhs.type.lifecycleRank < rhs.type.lifecycleRank }
        if !lhs.source.hasSameBytes(as: rhs.source) { return lhs.source.precedesInByteOrder(rhs.source) }
        return lhs.eventID.precedesInByteOrder(rhs.eventID)
    }
}
