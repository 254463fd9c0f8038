import HTTP
import JSON
import LodestarCore
import LodestarStore

/// `GET /v1/dispatches?status=&limit=&after=` (dispatcher): the dispatch board (SPEC §4). The
/// default `status=open` lists open dispatches emergent first, then oldest requested; `queued`
/// (requested, no team yet) and each open status keep that order, while `closed`, `completed`
/// and `cancelled` list the newest request first. Each dispatch carries `elapsed_minutes`
/// (since requested: until now while open, until closed after), `target_minutes` (its contact's
/// region's response target) and `breached` (no team on scene within the target). A page holds
/// `limit` dispatches (default 100) and `next` links the following one.
enum DispatchBoardRoutes {
    static let defaultLimit = 100
    static let maxLimit = 1000

    static func register(in builder: inout PipelineBuilder<APIRequestContext>, context: APIContext) {
        builder.add("GET", "/v1/dispatches", access: .roles([.dispatcher])) { request, _ in
            var query = QueryReader(request)
            var listing = DispatchListing.open
            let status = query.string("status")
            if let status {
                if let named = DispatchListing(name: status) { listing = named } else { query.fail("status", "must be one of: \(DispatchListing.namesText)") }
            }
            let limit = query.integer("limit", in: 1...maxLimit) ?? defaultLimit
            var after: DispatchListCursor?
            if let text = query.string("after") {
                after = DispatchListCursor(text: text)
                if after == nil { query.fail("after", "must be the cursor from a previous page's next link") }
            }
            guard query.errors.isEmpty else { throw Problem.validation(query.errors) }
            let page = try await context.database.dispatches.list(listing, limit: limit, after: after)
            let now = TeamRoutes.now()
            var json: [(String, JSONValue)] = [("dispatches", .array(page.entries.map { entry in
                let dispatch = entry.dispatch
                let elapsed = (dispatch.elapsedMinutes(now: now) * 100).rounded() / 100
                return .object(JSONObject(uniquePairs: dispatch.jsonMembers + [
                    ("elapsed_minutes", .double(elapsed)),
                    ("target_minutes", .int(Int64(entry.targetMinutes))),
                    ("breached", .bool(dispatch.breached(targetMinutes: entry.targetMinutes, now: now))),
                ]))
            }))]
            if let next = page.next {
                let named = status.map { "status=\($0)&" } ?? ""
                json.append(("next", .string("/v1/dispatches?\(named)limit=\(limit)&after=\(next.text)")))
            }
            return .json(.object(JSONObject(json)))
        }
    }
}
