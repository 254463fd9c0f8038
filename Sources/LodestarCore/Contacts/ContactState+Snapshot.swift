public import Time
public import JSON

extension ContactState {
    /// The whole fold state as JSON: every attribute together with the position of the event
    /// that stated it, so that folding a new event into a stored snapshot gives exactly the
    /// state a derivation from all events would (the fold commutes; see the type's doc).
    ///
    /// This is a storage format, not an API shape: the store keeps it beside the contact's
    /// typed columns and never shows it. `version` changes when the shape does; a snapshot of
    /// another version is not decoded and the contact is derived again from its events.
    public var snapshot: JSONValue {
        [
            "version": .int(Self.snapshotVersion),
            "received_at": Self.encode(receivedAt),
            "answered_at": Self.encode(answeredAt),
            "abandoned_at": Self.encode(abandonedAt),
            "event_count": .int(Int64(eventCount)),
            "channel": Self.encode(channelValue) { .string($0.rawValue) },
            "line": Self.encode(lineValue, JSONValue.string),
            "region": Self.encode(regionValue, JSONValue.string),
            "language": Self.encode(languageValue, JSONValue.string),
            "caller": Self.encode(callerValue, Self.encodeCaller),
            "location": Self.encode(locationValue) { ["lat": .double($0.lat), "lon": .double($0.lon)] },
            "transfer": Self.encode(transferValue, JSONValue.string),
            "risk": Self.encode(riskValue) { .string($0.rawValue) },
            "flags": Self.encode(flagsValue) { .array($0.map { .string($0.rawValue) }) },
            "consent": Self.encode(consentValue, JSONValue.bool),
            "disposition": Self.encode(dispositionValue) { .string($0.rawValue) },
        ]
    }

    /// The state a snapshot describes, or `nil` when it is of another version or malformed.
    public init?(snapshot: JSONValue) {
        guard let object = snapshot.objectValue, object["version"]?.intValue == Self.snapshotVersion,
              let count = object["event_count"]?.intValue
        else { return nil }
        var state = ContactState()
        state.eventCount = Int(count)
        guard Self.decode(object["received_at"], into: &state.receivedAt),
              Self.decode(object["answered_at"], into: &state.answeredAt),
              Self.decode(object["abandoned_at"], into: &state.abandonedAt),
              Self.decode(object["channel"], into: &state.channelValue, { $0.stringValue.flatMap(Channel.init) }),
              Self.decode(object["line"], into: &state.lineValue, \.stringValue),
              Self.decode(object["region"], into: &state.regionValue, \.stringValue),
              Self.decode(object["language"], into: &state.languageValue, \.stringValue),
              Self.decode(object["caller"], into: &state.callerValue, Self.decodeCaller),
              Self.decode(object["location"], into: &state.locationValue, Self.decodePoint),
              Self.decode(object["transfer"], into: &state.transferValue, \.stringValue),
              Self.decode(object["risk"], into: &state.riskValue, { $0.stringValue.flatMap(RiskLevel.init) }),
              Self.decode(object["flags"], into: &state.flagsValue, Self.decodeFlags),
              Self.decode(object["consent"], into: &state.consentValue, \.boolValue),
              Self.decode(object["disposition"], into: &state.dispositionValue, { $0.stringValue.flatMap(Disposition.init) })
        else { return nil }
        self = state
    }

    static let snapshotVersion: Int64 = 1

    // MARK: Encoding

    private static func encode(_ time: Timestamp?) -> JSONValue {
        time.map { .string($0.rfc3339) } ?? .null
    }

    /// `null`, or `{"value", "order": [occurred_at, type, source, event_id]}`.
    private static func encode<Value>(_ register: LatestValue<Value>, _ encodeValue: (Value) -> JSONValue) -> JSONValue {
        guard let value = register.value, let order = register.order else { return .null }
        return [
            "value": encodeValue(value),
            "order": [.string(order.occurredAt.rfc3339), .string(order.type.rawValue), .string(order.source), .string(order.eventID)],
        ]
    }

    private static func encodeCaller(_ caller: CallerInfo) -> JSONValue {
        [
            "age": caller.age.map { .int(Int64($0)) } ?? .null,
            "gender": caller.gender.map(JSONValue.string) ?? .null,
            "race_ethnicity": caller.raceEthnicity.map(JSONValue.string) ?? .null,
            "zip": caller.zip.map(JSONValue.string) ?? .null,
        ]
    }

    // MARK: Decoding (each returns false on a malformed member)

    private static func decode(_ json: JSONValue?, into time: inout Timestamp?) -> Bool {
        guard let json, json != .null else { return true }
        guard let text = json.stringValue, let parsed = Timestamp(rfc3339: text) else { return false }
        time = parsed
        return true
    }

    private static func decode<Value>(_ json: JSONValue?, into register: inout LatestValue<Value>,
                                      _ decodeValue: (JSONValue) -> Value?) -> Bool {
        guard let json, json != .null else { return true }
        guard let object = json.objectValue, let value = object["value"].flatMap(decodeValue),
              let order = object["order"].flatMap(decodeOrder)
        else { return false }
        register.offer(value, at: order)
        return true
    }

    private static func decodeOrder(_ json: JSONValue) -> EventOrder? {
        guard let parts = json.arrayValue, parts.count == 4,
              let at = parts[0].stringValue.flatMap({ Timestamp(rfc3339: $0) }),
              let type = parts[1].stringValue.flatMap(ContactEventType.init),
              let source = parts[2].stringValue, let eventID = parts[3].stringValue
        else { return nil }
        return EventOrder(occurredAt: at, type: type, source: source, eventID: eventID)
    }

    private static func decodeCaller(_ json: JSONValue) -> CallerInfo? {
        guard let object = json.objectValue else { return nil }
        return CallerInfo(age: object["age"]?.intValue.map { Int($0) }, gender: object["gender"]?.stringValue,
                          raceEthnicity: object["race_ethnicity"]?.stringValue, zip: object["zip"]?.stringValue)
    }

    private static func decodePoint(_ json: JSONValue) -> GeoPoint? {
        guard let object = json.objectValue, let lat = object["lat"]?.doubleValue, let lon = object["lon"]?.doubleValue else { return nil }
        return GeoPoint(lat: lat, lon: lon)
    }

    private static func decodeFlags(_ json: JSONValue) -> [ContactFlag]? {
        guard let items = json.arrayValue else { return nil }
        let flags = items.compactMap { $0.stringValue.flatMap(ContactFlag.init) }
        return flags.count == items.count ? flags : nil
    }
}
