import JSON
import LodestarCore
import Time
import Postgres

/// A contact's timeline in `EventOrder` (time, lifecycle, source and event id in byte order),
/// paged by keyset so that page n costs what page 1 costs.
enum TimelineSQL {
    /// The lifecycle rank of a type, as `ContactEventType.lifecycleRank` defines it.
    private static let rank = "array_position(ARRAY[\(ContactEventType.allCases.sorted { $0.lifecycleRank < $1.lifecycleRank }.map { "'\($0.rawValue)'" }.joined(separator: ","))], type)"

    private static let orderKey = "(occurred_at, \(rank), source COLLATE \"C\", event_id COLLATE \"C\")"

    /// `$1` contact, `$2`–`$5` the last event of the previous page (NULL for the first), `$6` limit.
    static let page = """
        SELECT source, event_id, type, occurred_at, body::text FROM contact_events
        WHERE contact_id = $1 AND ($2::timestamptz IS NULL OR \(orderKey) > ($2::timestamptz, $3::integer, $4::text COLLATE "C", $5::text COLLATE "C"))
        ORDER BY \(orderKey)
        LIMIT $6
        """

    static func parameters(_ contactID: String, after: EventOrder?, limit: Int) -> [any PostgresEncodable] {
        guard let after else { return [contactID, String?.none, Int?.none, String?.none, String?.none, limit] }
        return [contactID, after.occurredAt.rfc3339, after.type.lifecycleRank + 1, after.source, after.eventID, limit]
    }

    /// A timeline entry: the event as received, with its source made explicit, and its place.
    static func entry(_ row: PostgresRow) throws -> (body: JSONValue, order: EventOrder) {
        guard let source = row[0].string, let eventID = row[1].string,
              let type = row[2].string.flatMap(ContactEventType.init), let at = row[3].timestamp,
              case .object(var body)? = row[4].string.flatMap({ try? JSON.parse(Array($0.utf8)) })
        else { throw IngestStoreCorrupt() }
        body.set("source", .string(source))
        let order = EventOrder(occurredAt: at, type: type, source: source, eventID: eventID)
        return (.object(body), order)
    }
}
