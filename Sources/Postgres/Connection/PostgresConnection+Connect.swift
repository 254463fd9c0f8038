import CPQ
import Loop
#if canImport(Glibc)
import Glibc
#endif

extension PostgresConnection {
    /// Opens a connection without blocking the loop.
    ///
    /// `conninfo` is a libpq connection string or URI. Sessions are set to `TimeZone=UTC`,
    /// `DateStyle=ISO`, `IntervalStyle=iso_8601` and UTF-8 so that values parse one way. Use numeric host addresses (or
    /// a Unix socket directory): libpq resolves host names with a blocking lookup.
    public static func connect(_ conninfo: String, timeout: Duration = .seconds(5)) async throws(PostgresError) -> PostgresConnection {
        let connection = PostgresConnection()
        try await connection.open(conninfo, timeout: timeout).get()
        return connection
    }

    /// Connects this (new) connection; `close()` meanwhile ends the attempt.
    func open(_ conninfo: String, timeout: Duration) async -> Result<Void, PostgresError> {
        await withCheckedContinuation { continuation in
            // Closed before the attempt started (the pool shut down first).
            if case .closed(let error) = machine.state {
                continuation.resume(returning: .failure(error))
                return
            }
            connectWaiter = continuation
            startConnecting(conninfo, timeout: timeout)
        }
    }

    private func startConnecting(_ conninfo: String, timeout: Duration) {
        let options: String
        do {
            options = try Self.sessionOptions(merging: conninfo)
        } catch {
            end(with: error)
            return
        }
        let parameters = [("dbname", conninfo), ("client_encoding", "UTF8"), ("options", options)]
        pq = withCStringArrays(parameters.map { $0.0 }, parameters.map { $0.1 }) { keywords, values in
            PQconnectStartParams(keywords, values, 1)
        }
        guard let pq, PQstatus(pq) != CONNECTION_BAD else {
            end(with: .unavailable("cannot connect: \(libpqMessage)"))
            return
        }
        // Server notices (e.g. "there is no transaction in progress") would go to stderr
        // unstructured and may quote data; errors that matter arrive as results instead.
        PQsetNoticeProcessor(pq, { _, _ in }, nil)
        let timer = LoopTimer()
        connectTimer = timer
        timer.start(after: timeout) { [weak self] in
            guard let self, let action = self.machine.connectTimedOut() else { return }
            self.perform(action)
        }
        perform(machine.connectStarted(socket: PQsocket(pq)))
    }

    private func perform(_ action: ConnectionStateMachine.ConnectAction) {
        switch action {
        case .watch(let socket, let writable):
            poll?.close()
            do {
                let fresh = try FDPoll(fileDescriptor: socket)
                poll = fresh
                fresh.start(writable ? .writable : .readable) { [weak self] _ in self?.continueConnecting() }
            } catch {
                end(with: .unavailable("cannot connect: \(error)"))
            }
        case .established:
            connectTimer?.close()
            connectTimer = nil
            guard let pq, PQsetnonblocking(pq, 1) == 0, PQenterPipelineMode(pq) == 1 else {
                end(with: .unavailable("cannot enter pipeline mode: \(libpqMessage)"))
                return
            }
            pollEvents = []
            updatePoll()
            connectWaiter?.resume(returning: .success(()))
            connectWaiter = nil
        case .fail(let error):
            end(with: error)
        }
    }

    /// Errors on the socket are left to `PQconnectPoll`, which reports them precisely.
    private func continueConnecting() {
        guard let pq else { return }
        let status = PQconnectPoll(pq)
        let verdict: ConnectionStateMachine.ConnectPoll = switch status {
        case PGRES_POLLING_READING: .reading
        case PGRES_POLLING_WRITING: .writing
        case PGRES_POLLING_OK: .ok
        default: .failed(message: libpqMessage)
        }
        perform(machine.connectPolled(verdict, socket: PQsocket(pq)))
    }

    /// The caller's `options` with our session settings appended (ours win on conflict).
    private static func sessionOptions(merging conninfo: String) throws(PostgresError) -> String {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let parsed = PQconninfoParse(conninfo, &errorMessage) else {
            var message = "invalid connection string"
            if let errorMessage {
                message += ": " + String(cString: errorMessage).trimmingTrailingWhitespace()
                PQfreemem(errorMessage)
            }
            throw .unavailable(message)
        }
        defer { PQconninfoFree(parsed) }
        var existing = ""
        var option = parsed
        while let keyword = option.pointee.keyword {
            if String(cString: keyword) == "options", let value = option.pointee.val {
                existing = String(cString: value) + " "
            }
            option += 1
        }
        // Custom plans by default: statements are prepared once per connection, and a generic
        // plan chosen while a fresh database's tables are empty keeps its sequential scans as
        // the tables grow (measured: ingest fell from 6.7k to 0.8k events/s). Planning a custom
        // plan costs tens of microseconds; parsing is still saved by the prepared statement.
        // A transaction whose statements are shaped to plan well either way may opt in to
        // generic plans with SET LOCAL (ingest does, `IngestSQL.genericPlans`).
        return existing + "-c TimeZone=UTC -c DateStyle=ISO,YMD -c IntervalStyle=iso_8601 -c plan_cache_mode=force_custom_plan"
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var text = self
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}

/// Calls `body` with two NULL-terminated arrays of C strings (libpq's keyword/value lists).
func withCStringArrays<R>(_ first: [String], _ second: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>, UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let firstCopies = first.map { strdup($0) }
    let secondCopies = second.map { strdup($0) }
    defer {
        firstCopies.forEach { free($0) }
        secondCopies.forEach { free($0) }
    }
    let firstPointers = firstCopies.map { UnsafePointer($0) } + [nil]
    let secondPointers = secondCopies.map { UnsafePointer($0) } + [nil]
    return body(firstPointers, secondPointers)
}
