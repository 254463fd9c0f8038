/// A unit of work queued on one connection, answered as a whole.
struct ConnectionRequest {
    enum Work {
        /// Statements sent in pipeline mode and closed with one sync point.
        case pipeline([PostgresQuery])
        /// A multi-statement script sent with the simple query protocol (outside pipeline mode).
        case script(String)
    }

    let id: Int
    let work: Work
}

/// Answers the connection gives a request: one outcome per pipeline statement, or for a
/// script a single outcome (the last statement's rows, or the first error).
typealias RequestResult = Result<[QueryOutcome], PostgresError>
