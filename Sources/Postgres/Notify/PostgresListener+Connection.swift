import Loop

extension PostgresListener {
    /// The listening connection, opened now if there is none (one attempt: the caller hears
    /// `.unavailable` if it fails, while background reconnects continue on their own).
    func connected() async throws(PostgresError) -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        let configuration = connectionConfiguration
        let fresh = try await PostgresConnection.connect(configuration.conninfo, timeout: configuration.connectTimeout)
        // Another caller may have connected while this one waited.
        if let connection, !connection.isClosed {
            fresh.close()
            return connection
        }
        if isClosed {
            fresh.close()
            throw .unavailable("pool closed")
        }
        adopt(fresh)
        return fresh
    }

    private func adopt(_ fresh: PostgresConnection) {
        connection = fresh
        failures = 0
        fresh.onNotification = { [weak self] notification in self?.deliver(notification) }
        fresh.onClose { [weak self, weak fresh] _ in
            guard let self, !self.isClosed, self.connection === fresh else { return }
            self.connection = nil
            self.scheduleReconnect()
        }
    }

    /// Reconnects after a capped exponential backoff and LISTENs to every channel again.
    func scheduleReconnect() {
        guard !isClosed, !subscribers.isEmpty else { return }
        let configuration = connectionConfiguration
        let base = configuration.minimumBackoff.wholeMilliseconds
        let delay = min(base << UInt64(min(failures, 20)), configuration.maximumBackoff.wholeMilliseconds)
        let timer = retryTimer ?? LoopTimer()
        retryTimer = timer
        timer.start(after: .milliseconds(delay)) { [weak self] in
            EventLoop.shared.task { await self?.reconnect() }
        }
    }

    private func reconnect() async {
        guard !isClosed, connection == nil else { return }
        do {
            let connection = try await connected()
            var batch = PostgresBatch()
            for channel in subscribers.keys { batch.add("LISTEN \(Self.quoted(channel))") }
            try await connection.execute(batch).check()
            for channel in subscribers.keys {
                deliver(PostgresNotification(channel: channel, payload: "", backendPID: PostgresNotification.reconnectedPID))
            }
        } catch {
            failures += 1
            connection?.close()
            if connection == nil { scheduleReconnect() }
        }
    }
}
