/// Statements to send in one round trip: built up with `add`, run with `execute(_:)`.
///
/// A batch is one pipeline sync group. Outside an explicit transaction PostgreSQL runs a
/// sync group as one implicit transaction: if any statement fails, the statements before it
/// are rolled back too (their rows were still returned), and the ones after it are skipped.
public struct PostgresBatch: Sendable {
    /// Identifies a statement's result in `PostgresBatchResults`.
    public struct Handle: Sendable, Hashable {
        public let index: Int
    }

    public private(set) var queries: [PostgresQuery] = []

    public init() {}

    public var isEmpty: Bool { queries.isEmpty }
    public var count: Int { queries.count }

    /// Appends a statement; its result is read back with the returned handle.
    @discardableResult
    public mutating func add(_ sql: String, _ parameters: [any PostgresEncodable] = []) -> Handle {
        add(PostgresQuery(sql, parameters))
    }

    @discardableResult
    public mutating func add(_ query: PostgresQuery) -> Handle {
        queries.append(query)
        return Handle(index: queries.count - 1)
    }
}

/// Per-statement outcomes of a batch, in the order the statements were added.
public struct PostgresBatchResults: Sendable {
    public let outcomes: [QueryOutcome]

    /// The statement's rows, or its own error (`.pipelineAborted` when an earlier one failed).
    public func rows(_ handle: PostgresBatch.Handle) throws(PostgresError) -> PostgresRows {
        try outcomes[handle.index].get()
    }

    /// The rows of the statement added `index`-th (0-based), or its error.
    public func rows(at index: Int) throws(PostgresError) -> PostgresRows {
        try outcomes[index].get()
    }

    public subscript(handle: PostgresBatch.Handle) -> QueryOutcome { outcomes[handle.index] }

    /// The error of the statement that failed, if one did (the ones after it were skipped).
    public var firstError: PostgresError? {
        for outcome in outcomes { if case .failed(let error) = outcome { return error } }
        return nil
    }

    /// Throws the first statement error, so a caller that needs all-or-nothing can say so.
    public func check() throws(PostgresError) {
        if let firstError { throw firstError }
    }
}
