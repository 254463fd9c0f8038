/// Everything tunable about the HTTP server; the defaults are SPEC §2's limits.
public struct HTTPServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Parser limits: head 16 KiB (431), body 1 MiB (413), header count.
    public var limits: HTTPLimits
    /// A request must arrive completely within this time from its first byte (else 408).
    public var requestTimeout: Duration
    /// A keep-alive connection with no request in progress is closed after this long.
    public var idleTimeout: Duration
    /// Connections beyond this many are answered 503 and closed.
    public var maxConnections: Int
    /// Requests parsed ahead of the one being answered; beyond this, reading pauses.
    public var maxPipelinedRequests: Int
    /// Queued response bytes above which a streaming producer waits (back-pressure).
    public var writeHighWater: Int
    /// How long a graceful shutdown waits for in-flight requests before closing connections.
    public var shutdownGrace: Duration

    public init(host: String = "127.0.0.1", port: Int = 8080, limits: HTTPLimits = HTTPLimits(),
                requestTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(60),
                maxConnections: Int = 4096, maxPipelinedRequests: Int = 32,
                writeHighWater: Int = 256 * 1024, shutdownGrace: Duration = .seconds(10)) {
        self.host = host
        self.port = port
        self.limits = limits
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
        self.maxPipelinedRequests = maxPipelinedRequests
        self.writeHighWater = writeHighWater
        self.shutdownGrace = shutdownGrace
    }
}
