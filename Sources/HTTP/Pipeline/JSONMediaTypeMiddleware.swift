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
        // One pass over the fields that collects nothing: looking each name up on its own took
        // two passes and built an array of the Content-Type values for every request.
        var isEncoded = false
        var typeCount = 0
        var type: String?
        for field in request.head.headers {
            if ASCII.equalsIgnoringCase(field.name, "Content-Encoding") {
                isEncoded = true
            } else if ASCII.equalsIgnoringCase(field.name, "Content-Type") {
                typeCount += 1
                if type == nil { type = field.value }
            }
        }
        if isEncoded {
            throw Problem(status: 415, detail: "Request bodies must not be content-encoded; send plain JSON.")
        }
        if typeCount > 1 {
            throw Problem.badRequest("Send one Content-Type header, not \(typeCount).")
        }
        if request.hasBody, let type, !MediaType.isJSON(type) {
            throw Problem(status: 415, detail: "Request bodies must be application/json.")
        }
    }
}
