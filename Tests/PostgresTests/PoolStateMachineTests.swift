@testable import Postgres
import Testing

/// The pool's policy, driven by hand with a made-up clock.
@Suite struct PoolStateMachineTests {
    private func machine(size: Int = 2) -> PoolStateMachine {
        var machine = PoolStateMachine(configuration: .init(
            size: size, acquireTimeoutMilliseconds: 2000, backoffMinimumMilliseconds: 50, backoffMaximumMilliseconds: 2000))
        #expect(machine.start() == (0..<size).map { .connect(slot: $0) })
        for slot in 0..<size { #expect(machine.connectSucceeded(slot: slot) == []) }
        return machine
    }

    @Test func exhaustedPoolServesWaitersFirstComeFirstServed() {
        var pool = machine()
        #expect(pool.leaseRequested(waiter: 1, now: 0) == [.lease(slot: 0, waiter: 1)])
        #expect(pool.leaseRequested(waiter: 2, now: 0) == [.lease(slot: 1, waiter: 2)])
        #expect(pool.leaseRequested(waiter: 3, now: 10) == [.armTimer(atMilliseconds: 2010)])
        #expect(pool.leaseRequested(waiter: 4, now: 20) == [])
        #expect(pool.leaseRequested(waiter: 5, now: 30) == [])
        #expect(pool.released(slot: 1, healthy: true) == [.lease(slot: 1, waiter: 3), .armTimer(atMilliseconds: 2020)])
        #expect(pool.released(slot: 0, healthy: true) == [.lease(slot: 0, waiter: 4), .armTimer(atMilliseconds: 2030)])
        #expect(pool.released(slot: 1, healthy: true) == [.lease(slot: 1, waiter: 5), .armTimer(atMilliseconds: nil)])
        #expect(pool.released(slot: 1, healthy: true) == [])
        // An idle slot goes to a newcomer only when nobody is waiting.
        #expect(pool.leaseRequested(waiter: 6, now: 40) == [.lease(slot: 1, waiter: 6)])
    }

    @Test func waitersTimeOutInOrder() {
        var pool = machine(size: 1)
        _ = pool.leaseRequested(waiter: 1, now: 0)
        _ = pool.leaseRequested(waiter: 2, now: 100)
        _ = pool.leaseRequested(waiter: 3, now: 500)
        let expired = pool.timerFired(now: 2100)
        #expect(expired.count == 2)
        guard case .fail(2, let error) = expired[0] else { Issue.record("\(expired)"); return }
        #expect(error.kind == .unavailable)
        #expect(expired[1] == .armTimer(atMilliseconds: 2500))
        #expect(pool.released(slot: 0, healthy: true) == [.lease(slot: 0, waiter: 3), .armTimer(atMilliseconds: nil)])
    }

    @Test func brokenConnectionsAreReplacedAndFailuresBackOffExponentially() {
        var pool = machine(size: 1)
        _ = pool.leaseRequested(waiter: 1, now: 0)
        #expect(pool.released(slot: 0, healthy: false) == [.closeConnection(slot: 0), .connect(slot: 0)])
        let down = PostgresError.unavailable("cannot connect: refused")
        var delays: [UInt64] = []
        for _ in 0..<8 {
            guard case .reconnect(0, let delay) = pool.connectFailed(slot: 0, error: down).first else { Issue.record(); return }
            delays.append(delay)
            #expect(pool.reconnectDue(slot: 0) == [.connect(slot: 0)])
        }
        #expect(delays == [50, 100, 200, 400, 800, 1600, 2000, 2000])
        #expect(pool.connectSucceeded(slot: 0) == [])
        // Success forgets the failures: the next one backs off from the minimum again.
        #expect(pool.consecutiveFailures == 0)
        #expect(pool.hasOpenConnection)
        #expect(pool.idleConnectionDropped(slot: 0) == [.closeConnection(slot: 0), .connect(slot: 0)])
        guard case .reconnect(0, 50) = pool.connectFailed(slot: 0, error: down).first else { Issue.record(); return }
    }

    @Test func whileTheDatabaseIsDownLeasesFailAtOnce() {
        var pool = machine(size: 1)
        #expect(pool.idleConnectionDropped(slot: 0) == [.closeConnection(slot: 0), .connect(slot: 0)])
        // Waiting during a reconnect is fine...
        #expect(pool.leaseRequested(waiter: 1, now: 0) == [.armTimer(atMilliseconds: 2000)])
        // ...but when it fails, the waiter hears it now rather than at its deadline.
        let actions = pool.connectFailed(slot: 0, error: .unavailable("cannot connect: refused"))
        #expect(actions.count == 3)
        guard case .fail(1, _) = actions[1] else { Issue.record("\(actions)"); return }
        #expect(pool.isDown)
        guard case .fail(2, let error) = pool.leaseRequested(waiter: 2, now: 10).first else { Issue.record(); return }
        #expect(error.message.contains("refused"))
        _ = pool.reconnectDue(slot: 0)
        _ = pool.connectSucceeded(slot: 0)
        #expect(pool.leaseRequested(waiter: 3, now: 20) == [.lease(slot: 0, waiter: 3)])
    }

    @Test func closingFailsWaitersAndClosesConnectionsAsTheyReturn() {
        var pool = machine(size: 2)
        _ = pool.leaseRequested(waiter: 1, now: 0)
        _ = pool.leaseRequested(waiter: 2, now: 0)
        _ = pool.leaseRequested(waiter: 3, now: 0)
        let actions = pool.close()
        guard case .fail(3, _) = actions.first else { Issue.record("\(actions)"); return }
        #expect(pool.released(slot: 0, healthy: true) == [.closeConnection(slot: 0)])
        guard case .fail(4, _) = pool.leaseRequested(waiter: 4, now: 0).first else { Issue.record(); return }
    }
}
