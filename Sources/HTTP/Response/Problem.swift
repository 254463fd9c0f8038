public import JSON

/// An RFC 9457 problem details response (`application/problem+json`).
///
/// `detail` and validation messages must never carry a caller's personal data: they name
/// fields and rules, not values.
public struct Problem: HTTPResponseError, Sendable {
    public var status: Int
    public var title: String
    public var detail: String
    public var type: String
    /// Validation errors, each naming the offending field by path (`events[3].data.channel`).
    public var errors: [(path: String, message: String)]
    /// Extra header fields, e.g. `Allow` for 405 or `Retry-After` for 503.
    public var headers: [(name: String, value: String)]
    /// Extra members of the problem object (e.g. `allowed` transitions for a 409).
    public var extensions: [(String, JSONValue)]

    public init(status: Int, title: String? = nil, detail: String, type: String = "about:blank",
                errors: [(path: String, message: String)] = [], headers: [(name: String, value: String)] = [],
                extensions: [(String, JSONValue)] = []) {
        self.status = status
        self.title = title ?? HTTPStatus.reason(status)
        self.detail = detail
        self.type = type
        self.errors = errors
        self.headers = headers
        self.extensions = extensions
    }

    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("type", .string(type)), ("title", .string(title)), ("status", .int(Int64(status))), ("detail", .string(detail)),
        ]
        if !errors.isEmpty {
            members.append(("errors", .array(errors.map { .object(JSONObject([("path", .string($0.path)), ("message", .string($0.message))])) })))
        }
        members += extensions
        return .object(JSONObject(members))
    }

    public var response: Response {
        Response(status: status, headers: [("Content-Type", "application/problem+json")] + headers, body: .bytes(json.serialized()))
    }
}

extension Problem {
    public static func badRequest(_ detail: String) -> Problem { Problem(status: 400, detail: detail) }
    public static func notFound(_ detail: String = "No such resource.") -> Problem { Problem(status: 404, detail: detail) }
    public static func unavailable(_ detail: String, retryAfterSeconds: Int = 2) -> Problem {
        Problem(status: 503, detail: detail, headers: [("Retry-After", String(retryAfterSeconds))])
    }
    public static func validation(_ errors: [(path: String, message: String)]) -> Problem {
        Problem(status: 422, detail: "The request has \(errors.count) invalid field(s); see errors.", errors: errors)
    }
}
