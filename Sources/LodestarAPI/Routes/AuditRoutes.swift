import HTTP
import JSON
import LodestarCore
import LodestarStore
import Loop
import Time

/// `GET /v1/audit?from=&to=&limit=&after=` (admin): audit entries in `[from, to)`, oldest
/// first, with `next` when more remain. The read is itself audited (SPEC §8).
///
/// Both bounds are optional, as the other routes' filters are: without `from` the log is read
/// from its first entry, and the top is `to` or the moment of the first page's read, whichever
/// is earlier, which `next` then carries: every read of the log is itself logged, so a window
/// open at the top (none given, or one in the future) would grow by a page's own entry as it is
/// paged, and with `limit=1` never end.
enum AuditRoutes {
    static func register(in builder: inout PipelineBuilder<APIRequestContext>, context: APIContext) {
        builder.add("GET", "/v1/audit", access: .roles([.admin])) { request, requestContext in
            let principal = try requestContext.principal
            var query = QueryReader(request)
            let from = query.timestamp("from")
            let givenTo = query.timestamp("to")
            let now = Timestamp(microseconds: WallClock.microsecondsSinceEpoch)
            let to = givenTo.map { min($0, now) } ?? now
            let limit = query.integer("limit", in: 1...10_000) ?? 1000
            var after: AuditCursor?
            if let text = query.string("after") {
                after = AuditCursor(text: text)
                if after == nil { query.fail("after", "must be the cursor from a previous page's next link") }
            }
            if let from, let givenTo, from >= givenTo { query.fail("to", "must be after from") }
            guard query.errors.isEmpty else { throw Problem.validation(query.errors) }
            let page = try await context.audit.read(from: from, to: to, limit: limit, after: after, by: principal.name)
            var json: [(String, JSONValue)] = [("entries", .array(page.entries.map { $0.json }))]
            if let next = page.next {
                json.append(("next", .string(nextLink(from: from, to: to, limit: limit, after: next))))
            }
            return .json(.object(JSONObject(json)))
        }
    }

    /// The next page: the same window (a `from` left out stays out; `to` is always settled)
    /// after the page's last entry.
    static func nextLink(from: Timestamp?, to: Timestamp, limit: Int, after: AuditCursor) -> String {
        var parameters: [String] = []
        if let from { parameters.append("from=\(QueryValue.escaped(from.rfc3339))") }
        parameters += ["to=\(QueryValue.escaped(to.rfc3339))", "limit=\(limit)", "after=\(after.text)"]
        return "/v1/audit?" + parameters.joined(separator: "&")
    }
}
