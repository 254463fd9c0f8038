import JSON
import LodestarCore
import Time

/// The opaque `after` cursor of a timeline page: the last event's place in the timeline, as
/// hexadecimal UTF-8 of a JSON array, so it needs no escaping in a URL and reveals nothing
/// at a glance (it is only ever handed to a client allowed to read the contact).
enum TimelineCursor {
    static func encode(_ order: EventOrder) -> String {
        let json: JSONValue = [.string(order.occurredAt.rfc3339), .string(order.type.rawValue), .string(order.source), .string(order.eventID)]
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in json.serialized() {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> EventOrder? {
        let hex = Array(text.utf8)
        guard hex.count.isMultiple(of: 2), hex.count <= 4096 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.count / 2)
        for index in stride(from: 0, to: hex.count, by: 2) {
            guard let high = nibble(hex[index]), let low = nibble(hex[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        guard let parts = (try? JSON.parse(bytes))?.arrayValue, parts.count == 4,
              let at = parts[0].stringValue.flatMap({ Timestamp(rfc3339: $0) }),
              let type = parts[1].stringValue.flatMap(ContactEventType.init),
              let source = parts[2].stringValue, let eventID = parts[3].stringValue
        else { return nil }
        return EventOrder(occurredAt: at, type: type, source: source, eventID: eventID)
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
