import DequeModule

/// The pure heart of `PostgresPool`: which slot is connected, lent out or reconnecting, and
/// who waits for one. Time comes in as milliseconds from the shell's clock, so tests drive
/// every timeout by hand.
///
/// Policy: the pool keeps `size` connections open; a broken one is replaced at once, and a
/// failed connect is retried with capped exponential backoff. Waiters are served strictly
/// first come, first served. While no connection is open and the last attempt failed, the
/// database counts as down and leases fail at once rather than waiting.
struct PoolStateMachine {
    struct Configuration {
        var size: Int
        var acquireTimeoutMilliseconds: UInt64
        var backoffMinimumMilliseconds: UInt64
        var backoffMaximumMilliseconds: UInt64
    }

    enum Slot: Equatable {
        case connecting
        case idle
        case leased
        /// Waiting to retry a failed connect.
        case backingOff
        /// Closed for good (pool closed).
        case closed
    }

    struct Waiter {
        let id: Int
        let deadline: UInt64
    }

    enum Action: Equatable {
        case connect(slot: Int)
        case reconnect(slot: Int, afterMilliseconds: UInt64)
        case lease(slot: Int, waiter: Int)
        case fail(waiter: Int, PostgresError)
        case closeConnection(slot: Int)
        /// (Re)arm the single acquire-timeout timer for this instant; nil cancels it.
        case armTimer(atMilliseconds: UInt64?)
    }

    let configuration: Configuration
    var slots: [Slot]
    var waiters = Deque<Waiter>()
    var consecutiveFailures = 0
    var isClosed = false
    var armedDeadline: UInt64?
    var lastFailure = "database unavailable"

    init(configuration: Configuration) {
        precondition(configuration.size > 0, "a pool needs at least one connection")
        self.configuration = configuration
        slots = Array(repeating: .connecting, count: configuration.size)
    }

    /// The connects to start when the pool is created.
    func start() -> [Action] {
        slots.indices.map { .connect(slot: $0) }
    }

    /// True while at least one connection is open (lent out or idle).
    var hasOpenConnection: Bool { slots.contains { $0 == .idle || $0 == .leased } }

    /// Down: nothing open and the latest attempt failed. Leases fail fast until a connect works.
    var isDown: Bool { !hasOpenConnection && consecutiveFailures > 0 }
}
