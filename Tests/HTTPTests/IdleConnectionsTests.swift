@testable import HTTP
import Testing

/// The server's idle queue yields the connection idle the longest, skipping entries that went
/// stale (busy since, or closed), and stays bounded however many requests pass.
@Suite struct IdleConnectionsTests {
    final class Token {}

    @Test func theOldestCurrentIdleComesFirst() {
        let tokens = (0..<4).map { _ in Token() }
        let ids = tokens.map(ObjectIdentifier.init)
        var idle = IdleConnections()
        var current: [ObjectIdentifier: UInt64] = [:]
        let isCurrent = { (entry: IdleConnections.Entry) in current[entry.id] == entry.generation }
        #expect(idle.popOldest(where: isCurrent) == nil)
        for id in ids[0..<3] { current[id] = idle.fellIdle(id) }
        current[ids[0]] = nil                  // busy: its entry is stale
        current[ids[0]] = idle.fellIdle(ids[0]) // idle again: now the newest
        current[ids[1]] = nil                  // closed
        current[ids[3]] = idle.fellIdle(ids[3])

        var order: [ObjectIdentifier] = []
        while let oldest = idle.popOldest(where: isCurrent) {
            order.append(oldest)
            current[oldest] = nil
        }
        #expect(order == [ids[2], ids[0], ids[3]])
        #expect(idle.count == 0)
    }

    @Test func staleEntriesAreDroppedOnceTheyOutnumberTheLive() {
        let token = Token()
        let id = ObjectIdentifier(token)
        var idle = IdleConnections()
        var generation: UInt64 = 0
        for _ in 0..<10_000 {
            generation = idle.fellIdle(id)   // a keep-alive connection serving request after request
            idle.compact(live: 1) { $0.generation == generation }
        }
        #expect(idle.count <= 2 * 1 + 64 + 1)
        #expect(idle.popOldest { $0.generation == generation } == id)
    }
}
