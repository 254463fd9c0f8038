/// A failure talking to PostgreSQL, in terms a caller can act on.
///
/// Messages never carry parameter values: server messages are kept, except that for data
/// exceptions (SQLSTATE class 22), which quote the offending input, quoted text is redacted.
/// The server's DETAIL field is dropped for the same reason (a unique violation's detail
/// repeats the duplicate key).
public struct PostgresError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The connection broke while a request was in flight; its outcome may be unknown.
        case connectionLost
        /// No connection could be had: cannot connect, pool closed or acquire timed out.
        case unavailable
        /// The server rejected the statement (see `sqlState`).
        case server
        /// Not executed: an earlier statement of the same pipeline sync group failed.
        case pipelineAborted
        /// A value could not be decoded as the requested Swift type.
        case decoding
    }

    public var kind: Kind
    /// The five-character SQLSTATE for `.server` errors.
    public var sqlState: String?
    public var message: String
    /// The constraint a `.server` error names, when the server reports one.
    public var constraint: String?

    public init(kind: Kind, sqlState: String? = nil, message: String, constraint: String? = nil) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.constraint = constraint
    }

    public var isUniqueViolation: Bool { sqlState == "23505" }
    public var isSerializationFailure: Bool { sqlState == "40001" }
    public var isDeadlock: Bool { sqlState == "40P01" }

    public var description: String {
        var text = "PostgresError(\(kind)"
        if let sqlState { text += " \(sqlState)" }
        text += "): \(message)"
        if let constraint { text += " [constraint \(constraint)]" }
        return text
    }

    static func unavailable(_ message: String) -> PostgresError {
        PostgresError(kind: .unavailable, message: message)
    }

    static func connectionLost(_ message: String) -> PostgresError {
        PostgresError(kind: .connectionLost, message: message)
    }

    static let aborted = PostgresError(
        kind: .pipelineAborted,
        message: "not executed: an earlier statement in the same pipeline failed")
}
