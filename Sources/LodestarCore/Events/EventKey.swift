/// The idempotency key of an event: `event_id` is unique per `source`.
public struct EventKey: Sendable, Hashable {
    public var source: String
    public var eventID: String

    public init(source: String, eventID: String) {
        self.source = source
        self.eventID = eventID
    }
}

extension ContactEvent {
    public var key: EventKey { EventKey(source: source, eventID: eventID) }
}
