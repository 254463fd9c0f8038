@testable import HTTP
import Testing

/// The server's idle set keeps the order in which connections fell idle.
@Suite struct IdleConnectionsTests {
    final class Token {}

    @Test func theOldestIdleComesFirstThroughInsertsAndRemovals() {
        let tokens = (0..<4).map { _ in Token() }
        let ids = tokens.map(ObjectIdentifier.init)
        var idle = IdleConnections()
        #expect(idle.oldest == nil)
        for id in ids[0..<3] { idle.insert(id) }
        #expect(idle.oldest == ids[0])
        idle.insert(ids[0])  // already in: keeps its place
        #expect(idle.count == 3)
        #expect(idle.oldest == ids[0])

        idle.remove(ids[1])  // from the middle
        idle.remove(ids[0])  // the oldest
        #expect(idle.oldest == ids[2])
        idle.insert(ids[3])
        idle.insert(ids[1])  // busy, then idle again: now the newest
        var order: [ObjectIdentifier] = []
        while let oldest = idle.oldest {
            order.append(oldest)
            idle.remove(oldest)
        }
        #expect(order == [ids[2], ids[3], ids[1]])
        #expect(idle.count == 0)
        idle.remove(ids[0])  // not in: nothing
        #expect(idle.count == 0 && idle.oldest == nil)
    }
}
