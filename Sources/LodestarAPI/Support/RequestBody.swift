import HTTP
import JSON

extension Request {
    /// The body parsed as JSON; 400 when it is not JSON (SPEC §2).
    func jsonBody() throws(Problem) -> JSONValue {
        guard !body.isEmpty else { throw Problem.badRequest("The request body must be JSON; it is empty.") }
        do {
            return try JSON.parse(body)
        } catch {
            throw Problem.badRequest("The request body is not valid JSON (at byte \(error.offset): \(error.message)).")
        }
    }
}

extension Response {
    /// A JSON response from a value.
    static func json(_ value: JSONValue, status: Int = 200) -> Response {
        .json(value.serialized(), status: status)
    }
}
