/// What became of one statement of a pipeline.
public enum QueryOutcome: Sendable {
    case rows(PostgresRows)
    case failed(PostgresError)
    /// Skipped because an earlier statement of its sync group failed.
    case aborted

    /// The rows, or the statement's error.
    public func get() throws(PostgresError) -> PostgresRows {
        switch self {
        case .rows(let rows): return rows
        case .failed(let error): throw error
        case .aborted: throw PostgresError.aborted
        }
    }

    public var error: PostgresError? {
        switch self {
        case .rows: nil
        case .failed(let error): error
        case .aborted: PostgresError.aborted
        }
    }
}
