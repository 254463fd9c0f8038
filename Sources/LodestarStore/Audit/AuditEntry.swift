public import JSON
public import Time

/// One audit record: who (token name), what (action), which resource, when (SPEC §8).
/// `detail` carries identifiers and counts only, never a caller's personal data.
public struct AuditEntry: Sendable {
    public var at: Timestamp?
    public var actor: String
    public var action: String
    public var resource: String
    public var detail: JSONValue

    public init(at: Timestamp? = nil, actor: String, action: String, resource: String, detail: JSONValue = .null) {
        self.at = at
        self.actor = actor
        self.action = action
        self.resource = resource
        self.detail = detail
    }

    public var json: JSONValue {
        [
            "at": at.map { .string($0.rfc3339) } ?? .null,
            "actor": .string(actor), "action": .string(action), "resource": .string(resource), "detail": detail,
        ]
    }

    /// The rows for `jsonb_to_recordset`, so any number of entries is one parameter.
    static func recordset(_ entries: [AuditEntry]) -> String {
        var writer = JSONWriter(reservingCapacity: 128 * entries.count)
        writer.beginArray()
        for entry in entries {
            writer.beginObject()
            writer.member("actor", .string(entry.actor))
            writer.member("action", .string(entry.action))
            writer.member("resource", .string(entry.resource))
            writer.member("detail", entry.detail)
            writer.endObject()
        }
        writer.endArray()
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    static let insertSQL = """
        INSERT INTO audit_log (actor, action, resource, detail)
        SELECT actor, action, resource, detail FROM jsonb_to_recordset($1::jsonb)
            AS a(actor text, action text, resource text, detail jsonb)
        """
}
