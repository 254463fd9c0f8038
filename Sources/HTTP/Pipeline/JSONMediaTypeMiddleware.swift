import Loop

/// Refuses request bodies that are not declared as JSON (SPEC §2): a body with a `Content-Type`
/// other than `application/json` (type case-insensitive; parameters allowed, but a `charset`
/// must be UTF-8) is 415, and so is any request with a `Content-Encoding`. A body without a
/// `Content-Type` is left to the handler, which answers 400 unless it parses as JSON.
///
/// A request that matched no route is passed on untouched, to be answered 404 or 405.
public struct JSONMediaTypeMiddleware<Context: RequestContext>: RequestHook {
    public init() {}

    public func before(_ request: Request, context: inout Context) throws {
        guard context.route != nil else { return }
        if request.head.headers.contains("Content-Encoding") {
            throw Problem(status: 415, detail: "Request bodies must not be content-encoded; send plain JSON.")
        }
        let types = request.head.headers.values("Content-Type")
        if types.count > 1 {
            throw Problem.badRequest("Send one Content-Type header, not \(types.count).")
        }
        if request.hasBody, let type = types.first, !MediaType.isJSON(type) {
            throw Problem(status: 415, detail: "Request bodies must be application/json.")
        }
    }
}
