import Time
public import JSON

extension ContactState {
    /// The whole fold state as JSON: every attribute together with the position of the event
    /// that stated it, so that folding a new event into a stored snapshot gives exactly the
    /// state a derivation from all events would (the fold commutes; see the type's doc).
    ///
    /// This is a storage format, not an API shape: the store keeps it beside the contact's
    /// typed columns and never shows it. `version` changes when the shape does; a snapshot of
    /// another version is not decoded and the contact is derived again from its events.
    ///
    /// Positional, not an object: it is written on every ingest, and member names were most of
    /// its bytes and of the time spent writing it. The layout is `Slot`'s order.
    public var snapshot: JSONValue {
        var orders = OrderTable()
        var slots: [JSONValue] = []
        slots.reserveCapacity(Slot.allCases.count)
        slots.append(.int(Self.snapshotVersion))
        slots.append(Self.encode(receivedAt))
        slots.append(Self.encode(answeredAt))
        slots.append(Self.encode(abandonedAt))
        slots.append(.int(Int64(eventCount)))
        slots.append(orders.encode(channelValue) { .string($0.rawValue) })
        slots.append(orders.encode(lineValue, JSONValue.string))
        slots.append(orders.encode(regionValue, JSONValue.string))
        slots.append(orders.encode(languageValue, JSONValue.string))
        slots.append(orders.encode(callerValue, Self.encodeCaller))
        slots.append(orders.encode(locationValue) { [.double($0.lat), .double($0.lon)] })
        slots.append(orders.encode(transferValue, JSONValue.string))
        slots.append(orders.encode(riskValue) { .string($0.rawValue) })
        slots.append(orders.encode(flagsValue) { .array($0.map { .string($0.rawValue) }) })
        slots.append(orders.encode(consentValue, JSONValue.bool))
        slots.append(orders.encode(dispositionValue) { .string($0.rawValue) })
        slots.append(.array(orders.encoded))
        return .array(slots)
    }

    /// The positions of a snapshot's parts.
    private enum Slot: Int, CaseIterable {
        case version, receivedAt, answeredAt, abandonedAt, eventCount
        case channel, line, region, language, caller, location, transfer, risk, flags, consent, disposition
        case orders
    }

    /// The state a snapshot describes, or `nil` when it is of another version or malformed.
    public init?(snapshot: JSONValue) {
        guard let slots = snapshot.arrayValue, slots.count == Slot.allCases.count,
              slots[Slot.version.rawValue].intValue == Self.snapshotVersion,
              let count = slots[Slot.eventCount.rawValue].intValue,
              let orders = slots[Slot.orders.rawValue].arrayValue.flatMap(Self.decodeOrders)
        else { return nil }
        func slot(_ slot: Slot) -> JSONValue { slots[slot.rawValue] }
        var state = ContactState()
        state.eventCount = Int(count)
        guard Self.decode(slot(.receivedAt), into: &state.receivedAt),
              Self.decode(slot(.answeredAt), into: &state.answeredAt),
              Self.decode(slot(.abandonedAt), into: &state.abandonedAt),
              Self.decode(slot(.channel), orders, into: &state.channelValue, { $0.stringValue.flatMap(Channel.init) }),
              Self.decode(slot(.line), orders, into: &state.lineValue, { $0.stringValue }),
              Self.decode(slot(.region), orders, into: &state.regionValue, { $0.stringValue }),
              Self.decode(slot(.language), orders, into: &state.languageValue, { $0.stringValue }),
              Self.decode(slot(.caller), orders, into: &state.callerValue, Self.decodeCaller),
              Self.decode(slot(.location), orders, into: &state.locationValue, Self.decodePoint),
              Self.decode(slot(.transfer), orders, into: &state.transferValue, { $0.stringValue }),
              Self.decode(slot(.risk), orders, into: &state.riskValue, { $0.stringValue.flatMap(RiskLevel.init) }),
              Self.decode(slot(.flags), orders, into: &state.flagsValue, Self.decodeFlags),
              Self.decode(slot(.consent), orders, into: &state.consentValue, { $0.boolValue }),
              Self.decode(slot(.disposition), orders, into: &state.dispositionValue, { $0.stringValue.flatMap(Disposition.init) })
        else { return nil }
        self = state
    }

    static let snapshotVersion: Int64 = 5

    // MARK: Encoding

    /// Instants as microseconds since the epoch: the snapshot is written on every ingest and
    /// read by nothing but this type, so it pays for no date formatting or parsing.
    private static func encode(_ time: Timestamp?) -> JSONValue {
        time.map { .int($0.microseconds) } ?? .null
    }

    /// `[age, gender, race_ethnicity, zip]`.
    private static func encodeCaller(_ caller: CallerInfo) -> JSONValue {
        [
            caller.age.map { .int(Int64($0)) } ?? .null,
            caller.gender.map(JSONValue.string) ?? .null,
            caller.raceEthnicity.map(JSONValue.string) ?? .null,
            caller.zip.map(JSONValue.string) ?? .null,
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
        guard let parts = json.arrayValue, parts.count == 4 else { return nil }
        return CallerInfo(age: parts[0].intValue.map { Int($0) }, gender: parts[1].stringValue,
                          raceEthnicity: parts[2].stringValue, zip: parts[3].stringValue)
    }

    /// `[lat, lon]`.
    private static func decodePoint(_ json: JSONValue) -> GeoPoint? {
        guard let parts = json.arrayValue, parts.count == 2, let lat = parts[0].doubleValue, let lon = parts[1].doubleValue else { return nil }
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
