import DequeModule

/// The server's connections in the order they fell idle, for closing the one idle the longest
/// at the connection limit.
///
/// Falling idle appends an entry stamped with a server-wide generation; becoming busy or
/// closing costs nothing here: the entry goes stale, and stale entries are skipped when the
/// oldest is wanted and dropped in bulk once they outnumber the live ones. Every request makes
/// a connection busy and then idle again, so this keeps that path to one append, where a list
/// kept exact cost several dictionary updates per request; eviction stays amortised O(1).
struct IdleConnections {
    struct Entry: Equatable {
        let id: ObjectIdentifier
        let generation: UInt64
    }

    private var entries = Deque<Entry>()
    private var nextGeneration: UInt64 = 0

    /// Entries, stale ones included.
    var count: Int { entries.count }

    /// Records that `id` fell idle now; returns the generation the connection must keep for
    /// its entry to stay current.
    mutating func fellIdle(_ id: ObjectIdentifier) -> UInt64 {
        nextGeneration &+= 1
        entries.append(Entry(id: id, generation: nextGeneration))
        return nextGeneration
    }

    /// Removes entries from the oldest on until `isCurrent` accepts one, and returns it.
    mutating func popOldest(where isCurrent: (Entry) -> Bool) -> ObjectIdentifier? {
        while let entry = entries.popFirst() {
            if isCurrent(entry) { return entry.id }
        }
        return nil
    }

    /// Drops stale entries when they are more than twice `live` (plus slack), so the queue
    /// stays proportional to the connections however many requests they serve.
    mutating func compact(live: Int, isCurrent: (Entry) -> Bool) {
        guard entries.count > 2 * live + 64 else { return }
        entries = Deque(entries.filter(isCurrent))
    }
}
