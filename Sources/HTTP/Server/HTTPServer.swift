public import Loop
public import Logging

/// The HTTP/1.1 server: accepts connections on the loop and answers their requests through a
/// responder (a frozen `Pipeline`).
@LoopActor
public final class HTTPServer {
    public let configuration: HTTPServerConfiguration
    /// Answers every complete request; it has turned every failure into a response.
    let responder: any HTTPResponder
    let logger: Logger
    private var listener: TCPListener?
    /// Every open connection, refused ones included: this table is what keeps a connection
    /// alive until it closes, and what shutdown closes.
    private var connections: [ObjectIdentifier: HTTPConnection] = [:]
    /// Refused connections still closing; they do not count toward `maxConnections`.
    private var refusedCount = 0
    /// The connections that may be closed to admit a new one at `maxConnections`, oldest first.
    private var idle = IdleConnections()
    private var drained: CheckedContinuation<Void, Never>?
    /// True once shutdown began: connections finish their current request and close.
    private var isDraining = false

    public init(configuration: HTTPServerConfiguration, responder: some HTTPResponder, logger: Logger) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
    }

    /// Binds and starts accepting. On failure nothing is left open: libuv reports a port in use
    /// only here, at `listen`, and a listener kept open would hold a callback to a server its
    /// caller is about to drop.
    public func start() throws(UVError) {
        let listener = try TCPListener(host: configuration.host, port: configuration.port)
        do {
            try listener.listen { [unowned self] result in
                switch result {
                case .success(let socket): self.accepted(socket)
                case .failure(let error): self.logger.warning("accept failed", metadata: ["error": "\(error)"])
                }
            }
        } catch {
            listener.close()
            throw error
        }
        self.listener = listener
    }

    /// The bound port (after `start`; useful with port 0).
    public var port: Int { listener?.port ?? configuration.port }

    private func accepted(_ socket: TCPConnection) {
        guard !isDraining else { socket.close(); return }
        // At the limit, the connection idle the longest makes room: connections that send
        // nothing, or keep-alive ones with nothing in progress, must not keep out a client
        // with a request. Closing it removes it from both tables.
        if admittedCount >= configuration.maxConnections, let oldest = idle.popOldest(where: isCurrent) {
            connections[oldest]?.close()
        }
        let connection = HTTPConnection(socket: socket, server: self)
        let isOverCap = admittedCount >= configuration.maxConnections
        connections[ObjectIdentifier(connection)] = connection
        if isOverCap {
            refusedCount += 1
            connection.reject(Problem.unavailable("Too many connections.", retryAfterSeconds: 1))
        } else {
            connection.start()
        }
    }

    /// A connection fell idle (nothing received of a request, nothing owed); returns the
    /// generation it keeps while it stays so.
    func connectionFellIdle(_ connection: HTTPConnection) -> UInt64 {
        let generation = idle.fellIdle(ObjectIdentifier(connection))
        idle.compact(live: connections.count, isCurrent: isCurrent)
        return generation
    }

    /// Whether an idle entry still stands for an idle connection: the one it names, still open,
    /// idle since then (not busy in between).
    private func isCurrent(_ entry: IdleConnections.Entry) -> Bool {
        guard let connection = connections[entry.id] else { return false }
        return connection.isReportedIdle && connection.idleGeneration == entry.generation
    }

    private var admittedCount: Int { connections.count - refusedCount }

    func connectionClosed(_ connection: HTTPConnection) {
        connections[ObjectIdentifier(connection)] = nil
        if connection.isRefused { refusedCount -= 1 }
        if isDraining && connections.isEmpty, let drained {
            self.drained = nil
            drained.resume()
        }
    }

    /// Graceful stop: no new connections, idle ones close now, busy ones after their current
    /// response; after the grace period whatever is left is closed.
    public func shutdown() async {
        guard !isDraining else { return }
        isDraining = true
        listener?.close()
        listener = nil
        for connection in connections.values { connection.drain() }
        guard !connections.isEmpty else { return }
        let grace = LoopTimer()
        grace.start(after: configuration.shutdownGrace) { [unowned self] in
            for connection in self.connections.values { connection.close() }
        }
        await withCheckedContinuation { continuation in
            if connections.isEmpty { continuation.resume() } else { drained = continuation }
        }
        grace.close()
    }
}
