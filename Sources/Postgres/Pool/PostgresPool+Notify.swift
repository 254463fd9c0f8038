extension PostgresPool {
    /// Notifications on `channel`, from a dedicated listening connection; returns once the
    /// server listens. After a reconnect the stream yields a marker
    /// (`isReconnectMarker`): changes announced during the outage were not seen.
    public func notifications(channel: String) async throws(PostgresError) -> AsyncStream<PostgresNotification> {
        guard !machine.isClosed else { throw .unavailable("pool closed") }
        let listener = self.listener ?? PostgresListener(configuration: configuration)
        self.listener = listener
        return try await listener.subscribe(channel: channel)
    }

    /// Sends `payload` to every listener of `channel` (delivered when the sender commits).
    public func notify(channel: String, payload: String) async throws(PostgresError) {
        try await query("SELECT pg_notify($1, $2)", [channel, payload])
    }
}
