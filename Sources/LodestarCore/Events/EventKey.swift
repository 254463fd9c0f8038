/// The idempotency key of an event: `event_id` is unique per `source`. Keys are equal when
/// their bytes are (`String.hasSameBytes(as:)`), as in the store.
public struct EventKey: Sendable, Hashable {
    public var source: String
    public var eventID: String

    public init(source: String, eventID: String) {
        self.source = source
        self.eventID = eventID
    }

    public static func == (lhs: EventKey, rhs: EventKey) -> Bool {
        lhs.eventID.hasSameBytes(as: rhs.eventID) && lhs.source.hasSameBytes(as: rhs.source)
    }

    public func hash(into hasher: inout Hasher) {
        source.hashBytes(into: &hasher)
        eventID.hashBytes(into: &hasher)
    }
}

extension ContactEvent {
    public var key: EventKey { EventKey(source: source, eventID: eventID) }
}
