/// Everything tunable about the HTTP server; the defaults are SPEC §2's limits.
public struct HTTPServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Parser limits: head 16 KiB (431), body 1 MiB (413), header count.
    public var limits: HTTPLimits
    /// A request must arrive completely within this time from its first byte, and a
    /// connection's first request within this time from the accept; else 408 and close. So a
    /// connection that sends nothing is closed after this long.
    public var requestTimeout: Duration
    /// A keep-alive connection with no request in progress is closed after this long.
    public var idleTimeout: Duration
    /// At this many open connections, a new one takes the place of the connection that has
    /// been idle longest (which is closed); with none idle, it is answered 503 and closed.
    public var maxConnections: Int
    /// Requests parsed ahead of the one being answered; beyond this, reading pauses.
    public var maxPipelinedRequests: Int
    /// Queued response bytes above which a streaming producer waits (back-pressure).
    public var writeHighWater: Int
    /// A write that waits this long for a client that does not read closes the connection.
    public var writeTimeout: Duration
    /// How long a graceful shutdown waits for in-flight requests before closing connections.
    public var shutdownGrace: Duration

    public init(host: String = "127.0.0.1", port: Int = 8080, limits: HTTPLimits = HTTPLimits(),
                requestTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(60),
                maxConnections: Int = 4096, maxPipelinedRequests: Int = 32,
                writeHighWater: Int = 256 * 1024, writeTimeout: Duration = .seconds(60),
                shutdownGrace: Duration = .seconds(10)) {
        self.host = host
        self.port = port
        self.limits = limits
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
        self.maxPipelinedRequests = maxPipelinedRequests
        self.writeHighWater = writeHighWater
        self.writeTimeout = writeTimeout
        self.shutdownGrace = shutdownGrace
    }
}
