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
        var orders = OrderTable()
        // Fixed, distinct keys: built without the duplicate check a dictionary literal makes
        // (which hashes every key of an object this size), since this runs on every write.
        let members: [JSONObject.Element] = [
            ("version", .int(Self.snapshotVersion)),
            ("received_at", Self.encode(receivedAt)),
            ("answered_at", Self.encode(answeredAt)),
            ("abandoned_at", Self.encode(abandonedAt)),
            ("event_count", .int(Int64(eventCount))),
            ("channel", orders.encode(channelValue) { .string($0.rawValue) }),
            ("line", orders.encode(lineValue, JSONValue.string)),
            ("region", orders.encode(regionValue, JSONValue.string)),
            ("language", orders.encode(languageValue, JSONValue.string)),
            ("caller", orders.encode(callerValue, Self.encodeCaller)),
            ("location", orders.encode(locationValue) { ["lat": .double($0.lat), "lon": .double($0.lon)] }),
            ("transfer", orders.encode(transferValue, JSONValue.string)),
            ("risk", orders.encode(riskValue) { .string($0.rawValue) }),
            ("flags", orders.encode(flagsValue) { .array($0.map { .string($0.rawValue) }) }),
            ("consent", orders.encode(consentValue, JSONValue.bool)),
            ("disposition", orders.encode(dispositionValue) { .string($0.rawValue) }),
            ("orders", .array(orders.encoded)),
        ]
        return .object(JSONObject(uniquePairs: members))
    }

    /// The state a snapshot describes, or `nil` when it is of another version or malformed.
    public init?(snapshot: JSONValue) {
        guard let object = snapshot.objectValue, object["version"]?.intValue == Self.snapshotVersion,
              let count = object["event_count"]?.intValue,
              let orders = object["orders"]?.arrayValue.flatMap(Self.decodeOrders)
        else { return nil }
        var state = ContactState()
        state.eventCount = Int(count)
        guard Self.decode(object["received_at"], into: &state.receivedAt),
              Self.decode(object["answered_at"], into: &state.answeredAt),
              Self.decode(object["abandoned_at"], into: &state.abandonedAt),
              Self.decode(object["channel"], orders, into: &state.channelValue, { $0.stringValue.flatMap(Channel.init) }),
              Self.decode(object["line"], orders, into: &state.lineValue, \.stringValue),
              Self.decode(object["region"], orders, into: &state.regionValue, \.stringValue),
              Self.decode(object["language"], orders, into: &state.languageValue, \.stringValue),
              Self.decode(object["caller"], orders, into: &state.callerValue, Self.decodeCaller),
              Self.decode(object["location"], orders, into: &state.locationValue, Self.decodePoint),
              Self.decode(object["transfer"], orders, into: &state.transferValue, \.stringValue),
              Self.decode(object["risk"], orders, into: &state.riskValue, { $0.stringValue.flatMap(RiskLevel.init) }),
              Self.decode(object["flags"], orders, into: &state.flagsValue, Self.decodeFlags),
              Self.decode(object["consent"], orders, into: &state.consentValue, \.boolValue),
              Self.decode(object["disposition"], orders, into: &state.dispositionValue, { $0.stringValue.flatMap(Disposition.init) })
        else { return nil }
        self = state
    }

    static let snapshotVersion: Int64 = 3

    // MARK: Encoding

    /// Instants as microseconds since the epoch: the snapshot is written on every ingest and
    /// read by nothing but this type, so it pays for no date formatting or parsing.
    private static func encode(_ time: Timestamp?) -> JSONValue {
        time.map { .int($0.microseconds) } ?? .null
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
        guard let micros = json.intValue else { return false }
        time = Timestamp(microseconds: micros)
        return true
    }

    /// A register is `null` or `[value, index into "orders"]`.
    private static func decode<Value>(_ json: JSONValue?, _ orders: [EventOrder], into register: inout LatestValue<Value>,
                                      _ decodeValue: (JSONValue) -> Value?) -> Bool {
        guard let json, json != .null else { return true }
        guard let pair = json.arrayValue, pair.count == 2, let value = decodeValue(pair[0]),
              let index = pair[1].intValue, orders.indices.contains(Int(index))
        else { return false }
        register.offer(value, at: orders[Int(index)])
        return true
    }

    private static func decodeOrders(_ items: [JSONValue]) -> [EventOrder]? {
        var orders: [EventOrder] = []
        orders.reserveCapacity(items.count)
        for item in items {
            guard let order = decodeOrder(item) else { return nil }
            orders.append(order)
        }
        return orders
    }

    private static func decodeOrder(_ json: JSONValue) -> EventOrder? {
        guard let parts = json.arrayValue, parts.count == 4,
              let at = parts[0].intValue.map(Timestamp.init(microseconds:)),
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

/// The positions of the events that stated a snapshot's registers, each written once: a
/// `contact.received` states up to six attributes, and repeating its position in each would
/// make the snapshot several times larger than its values.
private struct OrderTable {
    /// A handful at most (one per register), so a linear search beats hashing strings.
    private var orders: [EventOrder] = []
    private(set) var encoded: [JSONValue] = []

    /// `null`, or `[value, index into the table]`.
    mutating func encode<Value>(_ register: LatestValue<Value>, _ encodeValue: (Value) -> JSONValue) -> JSONValue {
        guard let value = register.value, let order = register.order else { return .null }
        return [encodeValue(value), .int(Int64(index(of: order)))]
    }

    private mutating func index(of order: EventOrder) -> Int {
        if let index = orders.firstIndex(of: order) { return index }
        orders.append(order)
        encoded.append([.int(order.occurredAt.microseconds), .string(order.type.rawValue), .string(order.source), .string(order.eventID)])
        return encoded.count - 1
    }
}
