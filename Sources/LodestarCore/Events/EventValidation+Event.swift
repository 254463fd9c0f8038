public import JSON

extension EventValidation {
    static let eventMembers: Set<String> = ["event_id", "source", "type", "contact_id", "occurred_at", "data"]

    /// Validates one event object at `path`; returns it only if it has no problems.
    public func validateEvent(_ value: JSONValue, at path: JSONPath, defaultSource: String,
                              reader: inout FieldReader) -> ContactEvent? {
        guard let object = reader.object(value, at: path) else { return nil }
        let issuesBefore = reader.issues.count
        reader.rejectUnknownMembers(of: object, allowed: Self.eventMembers, at: path)
        let eventID = reader.text(object, "event_id", at: path, required: true)
        let source = reader.text(object, "source", at: path) ?? defaultSource
        let type = reader.choice(object, "type", at: path, required: true, as: ContactEventType.self)
        let contactID = reader.text(object, "contact_id", at: path, required: true)
        let occurredAt = reader.timestamp(object, "occurred_at", at: path, required: true)

        let dataPath = path.member("data")
        var dataObject = JSONObject()
        if let dataValue = reader.value(object, "data", at: path, required: false) {
            dataObject = reader.object(dataValue, at: dataPath) ?? JSONObject()
        }
        // Without a valid type there is no schema to check `data` against.
        let data = type.flatMap { EventDataValidation.validate(dataObject, for: $0, at: dataPath, reader: &reader) }

        guard reader.issues.count == issuesBefore,
              let eventID, let contactID, let occurredAt, let data
        else { return nil }
        return ContactEvent(eventID: eventID, source: source, contactID: contactID,
                            occurredAt: occurredAt, data: data, raw: value)
    }
}
