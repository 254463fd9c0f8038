public import Time
public import JSON

/// Events read back from the store are trusted: they were valid when they were accepted.
///
/// Decoding them re-runs no validation. Identity, type and time come from their typed columns,
/// and `data` is read leniently: a member that a stricter rule added since would refuse reads
/// as absent instead of making the contact unreadable or blocking its new events.
public enum StoredEvent {
    /// The event, or `nil` only when its data lacks what its type cannot do without (a
    /// `contact.received` without a channel), which no accepted event does.
    public static func decode(source: String, eventID: String, contactID: String, type: ContactEventType,
                              occurredAt: Timestamp, body: JSONValue) -> ContactEvent? {
        var reader = FieldReader.lenient
        let data = body.objectValue?["data"]?.objectValue ?? JSONObject()
        guard let eventData = EventDataValidation.validate(data, for: type, at: .root, reader: &reader) else { return nil }
        return ContactEvent(eventID: eventID, source: source, contactID: contactID, occurredAt: occurredAt,
                            data: eventData, raw: body)
    }
}
