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
///
/// A page is rendered once per change of what it shows (`DispatchBoardCache`); what depends on
/// the moment (`elapsed_minutes`, `breached`) is written at each request. Every request is
/// audited (SPEC §8: dispatches carry their contact, outcome and law-enforcement involvement),
/// with the ids of the dispatches and contacts it was shown, committed before the answer.
enum DispatchBoardRoutes {
    static let defaultLimit = 100
    static let maxLimit = 1000

    static func register(in builder: inout PipelineBuilder<APIRequestContext>, context: APIContext) {
        let pages = DispatchBoardCache()
        builder.add("GET", "/v1/dispatches", access: .roles([.dispatcher])) { request, requestContext in
            let principal = try requestContext.principal
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
            let store = context.database.dispatches
            let key = DispatchBoardCache.Key(listing: listing, limit: limit, after: after)
            let version = try await store.listingVersion()
            let page: DispatchBoardPage
            if let kept = pages.page(key, at: version) {
                page = kept
            } else {
                page = DispatchBoardPage(try await store.list(listing, limit: limit, after: after), listing: listing)
                pages.keep(page, for: key, at: version)
            }
            try await store.audit(page.read, by: principal.name)
            let next = page.next.map { "/v1/dispatches?\(status.map { "status=\($0)&" } ?? "")limit=\(limit)&after=\($0.text)" }
            return .json(page.json(now: TeamRoutes.now(), next: next))
        }
    }
}
