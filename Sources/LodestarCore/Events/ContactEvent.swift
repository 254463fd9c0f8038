public import JSON
public import Time

/// A validated contact event (SPEC §3).
public struct ContactEvent: Sendable, Equatable {
    /// Unique per `source`; a repeat of `(source, eventID)` is a duplicate.
    public var eventID: String
    /// The sending system; defaults to the posting token's name.
    public var source: String
    public var contactID: String
    public var occurredAt: Timestamp
    public var data: EventData
    /// The event object exactly as received, kept for replay and audit.
    public var raw: JSONValue

    public init(eventID: String, source: String, contactID: String, occurredAt: Timestamp, data: EventData, raw: JSONValue) {
        self.eventID = eventID
        self.source = source
        self.contactID = contactID
        self.occurredAt = occurredAt
        self.data = data
        self.raw = raw
    }

    public var type: ContactEventType { data.type }

    /// The event's place in its contact's timeline.
    public var order: EventOrder {
        EventOrder(occurredAt: occurredAt, type: type, source: source, eventID: eventID)
    }
}
