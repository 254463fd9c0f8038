import HTTP
import LodestarCore
import Time

/// Reads a route's query parameters strictly (SPEC §2): each given at most once, well formed,
/// and only names the route reads. Every problem is gathered, so one 422 names them all.
///
/// Messages name parameters and rules, never the values sent.
struct QueryReader {
    private let query: QueryParameters
    private var read: Set<String> = []
    private var issues: [(path: String, message: String)] = []

    init(_ request: Request) {
        query = request.query
    }

    /// For a route that takes no query parameters: any parameter given is 422 naming it, as on
    /// the routes that take some (SPEC §2), rather than silently ignored.
    static func rejectAny(in request: Request) throws(Problem) {
        // Most requests have no query at all: nothing to parse.
        guard request.head.query != nil else { return }
        let errors = QueryReader(request).errors
        guard errors.isEmpty else { throw Problem.validation(errors) }
    }

    /// The single value of `name`; nil when absent, or when repeated or undecodable (recorded).
    mutating func string(_ name: String, required: Bool = false) -> String? {
        read.insert(name)
        let values = query.values(name)
        guard values.count <= 1 else {
            fail(name, "is given \(values.count) times; give it once")
            return nil
        }
        guard let value = values.first else {
            if required { fail(name, "is required") }
            return nil
        }
        guard let value else {
            fail(name, "is not valid percent-encoded UTF-8")
            return nil
        }
        return value
    }

    /// A decimal integer within `range`.
    mutating func integer(_ name: String, in range: ClosedRange<Int>, required: Bool = false) -> Int? {
        guard let text = string(name, required: required) else { return nil }
        let digits = !text.isEmpty && text.utf8.count <= 18 && text.utf8.allSatisfy { (48...57).contains($0) }
        guard digits, let value = Int(text), range.contains(value) else {
            fail(name, "must be an integer from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    /// An RFC 3339 timestamp with offset. A space in the value most likely was a `+` sent
    /// unescaped (form decoding turns `+` into a space), so the message says how to send one.
    mutating func timestamp(_ name: String, required: Bool = false) -> Timestamp? {
        string(name, required: required).flatMap { timestamp(named: name, parsing: $0) }
    }

    /// `text`, the value of parameter `name`, as a timestamp (a problem recorded when it is not).
    mutating func timestamp(named name: String, parsing text: String) -> Timestamp? {
        guard let time = Timestamp(rfc3339: text) else {
            let hint = text.contains(" ") ? "; a '+' in a query must be escaped as %2B" : ""
            fail(name, "must be an RFC 3339 timestamp with offset\(hint)")
            return nil
        }
        return time
    }

    /// Records a problem the route found itself, such as parameters that contradict each other.
    mutating func fail(_ name: String, _ message: String) {
        issues.append((path: name, message: message))
    }

    /// Every problem found, with the parameters the route did not read: call after reading all.
    var errors: [(path: String, message: String)] {
        var errors = issues
        for name in query.names where !read.contains(name) {
            errors.append((path: Self.isPlainName(name) ? name : "query", message: "is not a parameter of this route"))
        }
        if query.hasUndecodableName {
            errors.append((path: "query", message: "has a parameter name that is not valid percent-encoded UTF-8"))
        }
        return errors
    }

    /// Whether an unknown name may be echoed: it looks like a parameter name (`due_before`),
    /// not like data a caller put in the wrong place (`+1-555-867-5309`).
    private static func isPlainName(_ name: String) -> Bool {
        guard let first = name.utf8.first, (1...40).contains(name.utf8.count) else { return false }
        let isLetter = { (byte: UInt8) in (65...90).contains(byte) || (97...122).contains(byte) }
        return isLetter(first) && name.utf8.allSatisfy { isLetter($0) || (48...57).contains($0) || $0 == 95 || $0 == 46 || $0 == 45 }
    }
}
