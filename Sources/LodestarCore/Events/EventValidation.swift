public import Time
public import JSON

/// Turns the body of `POST /v1/events` into validated events, or lists every problem.
///
/// The body is one event object, or `{"events": [...]}` with 1...`maxBatchSize` events. An
/// object with an `events` member is taken as a batch. Paths of a batch's problems start at
/// `events[i]` (`events[3].data.channel`); a single event's paths start at its own fields
/// (`data.channel`); a problem with the body as a whole has the empty path.
///
/// Validation is strict: unknown members are errors at every level, including inside `data`,
/// so a client's typo (`"chanel"`) is caught instead of silently losing the value. Repeated
/// `(source, event_id)` pairs within a batch are not errors: the store reports the later ones
/// as duplicates.
public struct EventValidation: Sendable {
    /// The most events accepted in one request.
    public var maxBatchSize: Int

    public init(maxBatchSize: Int = 1000) {
        self.maxBatchSize = maxBatchSize
    }

    /// Validates a parsed body. `defaultSource` (the token's name) fills in absent sources;
    /// `now` is the server's clock, which bounds `occurred_at` (SPEC §3: from 1970-01-01 to one
    /// day after now). All-or-nothing: any problem in any event fails the whole body.
    public func validate(body: JSONValue, defaultSource: String, now: Timestamp) throws(ValidationFailure) -> [ContactEvent] {
        var reader = FieldReader()
        reader.latestAcceptedTime = now.adding(seconds: 86_400)
        var events: [ContactEvent] = []
        guard let object = reader.object(body, at: .root) else {
            throw ValidationFailure(issues: reader.issues)
        }
        if object.contains("events") {
            events = validateBatch(object, defaultSource: defaultSource, reader: &reader)
        } else if let event = validateEvent(body, at: .root, defaultSource: defaultSource, reader: &reader) {
            events = [event]
        }
        guard reader.issues.isEmpty else { throw ValidationFailure(issues: reader.issues) }
        return events
    }

    private func validateBatch(_ object: JSONObject, defaultSource: String, reader: inout FieldReader) -> [ContactEvent] {
        reader.rejectUnknownMembers(of: object, allowed: ["events"], at: .root)
        let path = JSONPath.root.member("events")
        guard case .array(let items)? = object["events"] else {
            reader.report(path, "must be an array of events")
            return []
        }
        guard (1...max(1, maxBatchSize)).contains(items.count) else {
            reader.report(path, "must hold from 1 to \(maxBatchSize) events")
            return []
        }
        var events: [ContactEvent] = []
        events.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            if let event = validateEvent(item, at: path.element(index), defaultSource: defaultSource, reader: &reader) {
                events.append(event)
            }
        }
        return events
    }
}
