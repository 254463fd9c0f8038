import Loop

/// LISTEN/NOTIFY on one dedicated connection, shared by every subscriber of the pool.
///
/// When the connection breaks it reconnects with backoff and LISTENs again on every channel.
/// Notifications sent while it was down are lost (PostgreSQL does not queue them for absent
/// listeners): subscribers that must not miss a change should re-read state when they see
/// the reconnect marker (`isReconnectMarker`) on their channel.
@LoopActor
final class PostgresListener {
    private let configuration: PostgresPoolConfiguration
    var connection: PostgresConnection?
    var subscribers: [String: [Int: AsyncStream<PostgresNotification>.Continuation]] = [:]
    private var nextSubscriberID = 0
    var isConnecting = false
    var isClosed = false
    var failures = 0
    var retryTimer: LoopTimer?

    init(configuration: PostgresPoolConfiguration) { self.configuration = configuration }

    /// A stream of `channel`'s notifications, returned once the server listens for us.
    func subscribe(channel: String) async throws(PostgresError) -> AsyncStream<PostgresNotification> {
        if isClosed { throw .unavailable("pool closed") }
        let connection = try await connected()
        if subscribers[channel, default: [:]].isEmpty {
            try await connection.query("LISTEN \(Self.quoted(channel))")
        }
        let (stream, continuation) = AsyncStream.makeStream(of: PostgresNotification.self, bufferingPolicy: .bufferingNewest(10_000))
        let id = nextSubscriberID
        nextSubscriberID += 1
        subscribers[channel, default: [:]][id] = continuation
        continuation.onTermination = { [weak self] _ in
            EventLoop.shared.task { self?.unsubscribe(channel: channel, id: id) }
        }
        return stream
    }

    private func unsubscribe(channel: String, id: Int) {
        subscribers[channel]?[id] = nil
        guard subscribers[channel]?.isEmpty == true else { return }
        subscribers[channel] = nil
        if let connection, !connection.isClosed {
            EventLoop.shared.task { _ = try? await connection.query("UNLISTEN \(Self.quoted(channel))") }
        }
    }

    func deliver(_ notification: PostgresNotification) {
        for continuation in subscribers[notification.channel, default: [:]].values {
            continuation.yield(notification)
        }
    }

    func close() {
        isClosed = true
        retryTimer?.close()
        retryTimer = nil
        connection?.close()
        connection = nil
        for continuation in subscribers.values.flatMap({ $0.values }) { continuation.finish() }
        subscribers = [:]
    }

    /// A channel name as a quoted identifier, so any text is safe in LISTEN.
    static func quoted(_ channel: String) -> String {
        "\"" + channel.replacing("\"", with: "\"\"") + "\""
    }

    var connectionConfiguration: PostgresPoolConfiguration { configuration }
}
