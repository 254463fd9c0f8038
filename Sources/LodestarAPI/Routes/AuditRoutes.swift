import HTTP
import JSON
import LodestarCore
import LodestarStore
import Time

/// `GET /v1/audit?from=&to=&limit=` (admin): audit entries in `[from, to)`, oldest first,
/// with `next` when more remain. The read is itself audited.
enum AuditRoutes {
    static func register(in builder: inout RouterBuilder<Handler>, context: APIContext) {
        builder.add("GET", "/v1/audit", context.route(allowed: [.admin]) { request, principal in
            let query = request.query
            var errors: [(path: String, message: String)] = []
            let from = parseTime(query["from"], name: "from", errors: &errors)
            let to = parseTime(query["to"], name: "to", errors: &errors)
            let limit = Int(query["limit"] ?? "1000")
            if limit == nil || !(1...10_000).contains(limit!) { errors.append(("limit", "must be an integer from 1 to 10000")) }
            var after: AuditCursor?
            if let text = query["after"] {
                after = AuditCursor(text: text)
                if after == nil { errors.append(("after", "must be the cursor from a previous page's next link")) }
            }
            guard errors.isEmpty, let from, let to, let limit else { throw Problem.validation(errors) }
            let page = try await context.audit.read(from: from, to: to, limit: limit, after: after, by: principal.name)
            var json: [(String, JSONValue)] = [("entries", .array(page.entries.map(\.json)))]
            if let next = page.next {
                json.append(("next", .string("/v1/audit?from=\(QueryValue.escaped(from.rfc3339))&to=\(QueryValue.escaped(to.rfc3339))&limit=\(limit)&after=\(next.text)")))
            }
            return .json(.object(JSONObject(json)))
        })
    }

    private static func parseTime(_ text: String?, name: String, errors: inout [(path: String, message: String)]) -> Timestamp? {
        guard let text else { errors.append((name, "is required (RFC 3339 with offset)")); return nil }
        guard let time = Timestamp(rfc3339: text) else { errors.append((name, "must be an RFC 3339 timestamp with offset")); return nil }
        return time
    }
}
