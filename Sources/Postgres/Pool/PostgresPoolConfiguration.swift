public import Logging

/// How a `PostgresPool` connects and how patient it is.
public struct PostgresPoolConfiguration: Sendable {
    /// libpq connection string or URI (use a numeric host or a socket directory).
    public var conninfo: String
    /// Connections kept open; pipelining makes a small pool go far.
    public var size: Int
    /// How long a caller waits for a connection before getting `.unavailable`.
    public var acquireTimeout: Duration
    /// How long one connect attempt may take.
    public var connectTimeout: Duration
    /// How long a connection's requests may hear nothing from the server before it is given up
    /// as hung (`PostgresConnection.answerTimeout`): longer than any query the application runs.
    public var answerTimeout: Duration
    /// First retry delay after a failed connect; doubled per failure up to `maximumBackoff`.
    public var minimumBackoff: Duration
    public var maximumBackoff: Duration
    /// Where connection losses and recoveries are reported (never statements or values).
    public var logger: Logger

    public init(
        conninfo: String, size: Int = 4, acquireTimeout: Duration = .seconds(2), connectTimeout: Duration = .seconds(5),
        answerTimeout: Duration = .seconds(30),
        minimumBackoff: Duration = .milliseconds(50), maximumBackoff: Duration = .seconds(2),
        logger: Logger = Logger(label: "lodestar.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.conninfo = conninfo
        self.size = size
        self.acquireTimeout = acquireTimeout
        self.connectTimeout = connectTimeout
        self.answerTimeout = answerTimeout
        self.minimumBackoff = minimumBackoff
        self.maximumBackoff = maximumBackoff
        self.logger = logger
    }

    var machineConfiguration: PoolStateMachine.Configuration {
        PoolStateMachine.Configuration(
            size: size,
            acquireTimeoutMilliseconds: acquireTimeout.wholeMilliseconds,
            backoffMinimumMilliseconds: minimumBackoff.wholeMilliseconds,
            backoffMaximumMilliseconds: maximumBackoff.wholeMilliseconds)
    }
}

extension Duration {
    var wholeMilliseconds: UInt64 {
        let (seconds, attoseconds) = components
        return seconds < 0 ? 0 : UInt64(seconds) * 1000 + UInt64(attoseconds / 1_000_000_000_000_000)
    }
}
