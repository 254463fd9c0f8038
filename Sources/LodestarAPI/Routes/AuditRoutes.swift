import HTTP
import JSON
import LodestarCore
import LodestarStore
import Time

/// `GET /v1/audit?from=&to=&limit=&after=` (admin): audit entries in `[from, to)`, oldest
/// first, with `next` when more remain. The read is itself audited (SPEC §8).
enum AuditRoutes {
    static func register(in builder: inout PipelineBuilder<APIRequestContext>, context: APIContext) {
        builder.add("GET", "/v1/audit", access: .roles([.admin])) { request, requestContext in
            let principal = try requestContext.principal
            var query = QueryReader(request)
            let from = query.timestamp("from", required: true)
            let to = query.timestamp("to", required: true)
            let limit = query.integer("limit", in: 1...10_000) ?? 1000
            var after: AuditCursor?
            if let text = query.string("after") {
                after = AuditCursor(text: text)
                if after == nil { query.fail("after", "must be the cursor from a previous page's next link") }
            }
            if let from, let to, from >= to { query.fail("to", "must be after from") }
            guard let from, let to, query.errors.isEmpty else { throw Problem.validation(query.errors) }
            let page = try await context.audit.read(from: from, to: to, limit: limit, after: after, by: principal.name)
            var json: [(String, JSONValue)] = [("entries", .array(page.entries.map { $0.json }))]
            if let next = page.next {
                let window = "from=\(QueryValue.escaped(from.rfc3339))&to=\(QueryValue.escaped(to.rfc3339))"
                json.append(("next", .string("/v1/audit?\(window)&limit=\(limit)&after=\(next.text)")))
            }
            return .json(.object(JSONObject(json)))
        }
    }
}
