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
        var writer = JSONWriter()
        writeSnapshot(to: &writer)
        // The writer's own output parses; were it ever not to, `.null` decodes to no state and
        // the contact would be derived again from its events.
        return (try? JSON.parse(writer.bytes)) ?? .null
    }

    /// Writes `snapshot`'s text into `writer`, without building it as values first (the store
    /// writes one per contact on every ingest: a tree of some thirty values cost about 20,000
    /// instructions a contact). Each register refers to its event's position in the table of
    /// orders that ends the snapshot, numbered as they are first met.
    public func writeSnapshot(to writer: inout JSONWriter) {
        var orders = OrderTable()
        writer.beginArray()
        writer.int(Self.snapshotVersion)
        for time in [receivedAt, answeredAt, abandonedAt] {
            if let time { writer.int(time.microseconds) } else { writer.null() }
        }
        writer.int(Int64(eventCount))
        orders.write(channelValue, to: &writer) { $1.string($0.rawValue) }
        orders.write(lineValue, to: &writer) { $1.string($0) }
        orders.write(regionValue, to: &writer) { $1.string($0) }
        orders.write(languageValue, to: &writer) { $1.string($0) }
        orders.write(callerValue, to: &writer, Self.writeCaller)
        orders.write(locationValue, to: &writer) { point, writer in
            writer.beginArray()
            writer.double(point.lat)
            writer.double(point.lon)
            writer.endArray()
        }
        orders.write(transferValue, to: &writer) { $1.string($0) }
        orders.write(riskValue, to: &writer) { $1.string($0.rawValue) }
        orders.write(flagsValue, to: &writer) { flags, writer in
            writer.beginArray()
            for flag in flags { writer.string(flag.rawValue) }
            writer.endArray()
        }
        orders.write(consentValue, to: &writer) { $1.bool($0) }
        orders.write(dispositionValue, to: &writer) { $1.string($0.rawValue) }
        orders.writeTable(to: &writer)
        writer.endArray()
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

    /// Instants are written as microseconds since the epoch: the snapshot is written on every
    /// ingest and read by nothing but this type, so it pays for no date formatting or parsing.
    ///
    /// A caller is `[age, gender, race_ethnicity, zip]`.
    private static func writeCaller(_ caller: CallerInfo, to writer: inout JSONWriter) {
        writer.beginArray()
        if let age = caller.age { writer.int(Int64(age)) } else { writer.null() }
        for text in [caller.gender, caller.raceEthnicity, caller.zip] {
            if let text { writer.string(text) } else { writer.null() }
        }
        writer.endArray()
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

    /// `null`, or `[value, index into the table]`.
    mutating func write<Value>(_ register: LatestValue<Value>, to writer: inout JSONWriter,
                               _ writeValue: (Value, inout JSONWriter) -> Void) {
        guard let value = register.value, let order = register.order else { return writer.null() }
        writer.beginArray()
        writeValue(value, &writer)
        writer.int(Int64(index(of: order)))
        writer.endArray()
    }

    /// The table: `[occurred_at in microseconds, type, source, event_id]` per order.
    func writeTable(to writer: inout JSONWriter) {
        writer.beginArray()
        for order in orders {
            writer.beginArray()
            writer.int(order.occurredAt.microseconds)
            writer.string(order.type.rawValue)
            writer.string(order.source)
            writer.string(order.eventID)
            writer.endArray()
        }
        writer.endArray()
    }

    private mutating func index(of order: EventOrder) -> Int {
        if let index = orders.firstIndex(of: order) { return index }
        orders.append(order)
        return orders.count - 1
    }
}
