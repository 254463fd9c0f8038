public import Loop

/// Writes the body of a streamed response (chunked transfer coding) while the client stays.
///
/// Producers (the Server-Sent Events board stream) loop until `send` returns false or
/// `isOpen` turns false; `closed()` lets them wait for the client to leave.
@LoopActor
public final class ResponseStreamWriter {
    private weak var connection: HTTPConnection?
    public private(set) var isOpen = true
    /// The server ends the stream (shutdown) while the client is still there: it gets the last
    /// chunk, so it sees a complete response rather than a cut connection.
    private var owesLastChunk = false
    private var closeWaiters: [CheckedContinuation<Void, Never>] = []

    init(connection: HTTPConnection) { self.connection = connection }

    /// Sends one chunk; false once the client has gone.
    @discardableResult
    public func send(_ bytes: [UInt8]) async -> Bool {
        guard isOpen, !bytes.isEmpty, let connection else { return false }
        var chunk = Array(String(bytes.count, radix: 16).utf8) + [13, 10]
        chunk.append(contentsOf: bytes)
        chunk += [13, 10]
        let written = await connection.write(chunk)
        if !written { clientLeft() }
        return written
    }

    /// Suspends until the client leaves (or the server shuts down).
    public func closed() async {
        guard isOpen else { return }
        await withCheckedContinuation { continuation in
            if isOpen { closeWaiters.append(continuation) } else { continuation.resume() }
        }
    }

    /// Server shutdown: the producer stops as if the client had left, but `end` still finishes
    /// the body.
    func serverEnds() {
        if isOpen { owesLastChunk = true }
        clientLeft()
    }

    func clientLeft() {
        guard isOpen else { return }
        isOpen = false
        let waiters = closeWaiters
        closeWaiters = []
        for waiter in waiters { waiter.resume() }
    }

    /// Writes the last chunk.
    func end() async {
        if isOpen || owesLastChunk, let connection { _ = await connection.write([48, 13, 10, 13, 10]) }
        clientLeft()
    }
}

extension ResponseStreamWriter {
    /// Sends one Server-Sent Event (`event:` and `data:` lines, `data` split on newlines).
    @discardableResult
    public func sendEvent(_ name: String?, data: String, id: String? = nil) async -> Bool {
        var text = ""
        if let id { text += "id: \(id)\n" }
        if let name { text += "event: \(name)\n" }
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) { text += "data: \(line)\n" }
        text += "\n"
        return await send(Array(text.utf8))
    }

    /// Sends an SSE comment line, which keeps proxies from timing the stream out.
    @discardableResult
    public func sendHeartbeat() async -> Bool { await send(Array(":\n\n".utf8)) }
}

extension Response {
    /// A `text/event-stream` response produced by `body` until it returns.
    public static func eventStream(_ body: @escaping @Sendable @LoopActor (ResponseStreamWriter) async -> Void) -> Response {
        Response(status: 200, headers: [("Content-Type", "text/event-stream"), ("Cache-Control", "no-store")], body: .stream(body))
    }
}
