/// Prepared statements of one connection, keyed by SQL text.
///
/// A statement is used by name only once the server has confirmed its preparation: while the
/// `Parse` is still in flight, other requests with the same SQL run it unnamed, so a failed or
/// aborted preparation can never break a request that was sent after it.
struct StatementCache {
    enum Entry: Equatable {
        case preparing(name: String)
        case prepared(name: String)
    }

    private(set) var entries: [String: Entry] = [:]
    private var counter = 0
    /// Beyond this many distinct statements, new SQL runs unnamed (bounded server memory).
    let capacity: Int

    init(capacity: Int = 256) { self.capacity = capacity }

    /// How to send `sql` now, recording a new preparation when one is started.
    mutating func plan(for sql: String) -> StatementPlan {
        switch entries[sql] {
        case .prepared(let name): return .executePrepared(name: name)
        case .preparing: return .unnamed
        case nil:
            guard entries.count < capacity else { return .unnamed }
            counter += 1
            let name = "lodestar_\(counter)"
            entries[sql] = .preparing(name: name)
            return .prepareThenExecute(name: name)
        }
    }

    mutating func confirm(_ sql: String) {
        if case .preparing(let name) = entries[sql] { entries[sql] = .prepared(name: name) }
    }

    mutating func forget(_ sql: String) {
        entries[sql] = nil
    }
}

/// How one statement of a pipeline is sent.
enum StatementPlan: Equatable {
    /// `PQsendQueryParams`: parse, bind and execute the unnamed statement.
    case unnamed
    /// `PQsendPrepare` then `PQsendQueryPrepared`, both in the same pipeline.
    case prepareThenExecute(name: String)
    /// `PQsendQueryPrepared` of a confirmed statement.
    case executePrepared(name: String)
}
