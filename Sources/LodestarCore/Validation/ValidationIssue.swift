/// One problem in a request body: where it is and what rule it breaks.
///
/// `message` states the rule ("must be one of: call, text, chat") and never repeats the value
/// the client sent, which may be a caller's personal data.
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public init(_ path: JSONPath, _ message: String) {
        self.init(path: path.description, message: message)
    }

    public var description: String {
        path.isEmpty ? message : "\(path): \(message)"
    }
}

/// A request body that broke one or more rules; all of them are listed (up to a cap).
public struct ValidationFailure: Error, Sendable, Equatable {
    public var issues: [ValidationIssue]

    public init(issues: [ValidationIssue]) {
        self.issues = issues
    }
}
