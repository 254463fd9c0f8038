/// The server's idle connections in the order they fell idle, as a linked list threaded
/// through a dictionary: adding, removing and finding the oldest are O(1), so admitting a
/// connection at the connection limit never scans thousands of them.
struct IdleConnections {
    private struct Links {
        var older: ObjectIdentifier?
        var newer: ObjectIdentifier?
    }

    private var links: [ObjectIdentifier: Links] = [:]
    /// The connection idle the longest.
    private(set) var oldest: ObjectIdentifier?
    private var newest: ObjectIdentifier?

    var count: Int { links.count }

    /// Adds `id` as the newest idle connection; nothing if it is in already.
    mutating func insert(_ id: ObjectIdentifier) {
        guard links[id] == nil else { return }
        links[id] = Links(older: newest, newer: nil)
        if let newest { links[newest]?.newer = id } else { oldest = id }
        newest = id
    }

    /// Removes `id`; nothing if it is not in.
    mutating func remove(_ id: ObjectIdentifier) {
        guard let removed = links.removeValue(forKey: id) else { return }
        if let older = removed.older { links[older]?.newer = removed.newer } else { oldest = removed.newer }
        if let newer = removed.newer { links[newer]?.older = removed.older } else { newest = removed.older }
    }
}
