import HTTP
import LodestarStore
import Loop

/// One client's `/v1/stream`: the changes it missed (from the log), then live changes (from
/// the feed), each once and in order, with heartbeat comments while nothing happens.
///
/// The client's position only moves forward: a live change at or before it was already sent
/// from the log; one past the next position means the feed moved on meanwhile, and the log
/// fills the gap first.
@LoopActor
final class StreamSession {
    private enum Input {
        case change(NumberedChange)
        case heartbeat
    }

    private let feed: ChangeFeed
    private let log: ChangeLog
    private let heartbeat: Duration
    private let inputs: AsyncStream<Input>
    private let inputSink: AsyncStream<Input>.Continuation
    private var subscription: Int?
    /// The last position sent (or the starting point).
    private var position: Int64 = 0
    /// Live changes buffered for a slow client before it is cut off to resume from the log.
    private static let maxBuffered = 1000

    init(feed: ChangeFeed, log: ChangeLog, heartbeat: Duration) {
        self.feed = feed
        self.log = log
        self.heartbeat = heartbeat
        (inputs, inputSink) = AsyncStream.makeStream(of: Input.self, bufferingPolicy: .bufferingOldest(Self.maxBuffered))
    }

    func subscribe() {
        let sink = inputSink
        subscription = feed.subscribe { change in
            if case .enqueued = sink.yield(.change(change)) { return true }
            // Dropped (too far behind) or finished (gone): end this stream; a client that comes
            // back with `Last-Event-ID` gets the rest from the log.
            sink.finish()
            return false
        }
    }

    /// Starts after the client's `Last-Event-ID` when it is a position, else at the newest change.
    ///
    /// A `Last-Event-ID` beyond the newest change was not given by this log (a client from
    /// before the database was reset or restored): it starts at the newest change too, since
    /// waiting for numbering to pass that id would leave the client deaf until then.
    /// The opening is audited as `actor`'s read (`ChangeLog.latestPosition(openingStreamFor:)`).
    func startAfter(lastEventID: String?, actor: String) async throws {
        let resume = lastEventID.flatMap { Int64($0) }.flatMap { $0 >= 0 ? $0 : nil }
        let latest = try await log.latestPosition(openingStreamFor: actor, resumingAfter: resume)
        position = resume.map { min($0, latest) } ?? latest
    }

    func cancel() {
        if let subscription { feed.unsubscribe(subscription) }
        subscription = nil
        inputSink.finish()
    }

    func run(_ writer: ResponseStreamWriter) async {
        defer { cancel() }
        let sink = inputSink
        let heartbeatTimer = LoopTimer()
        heartbeatTimer.start(after: heartbeat, repeating: heartbeat) { sink.yield(.heartbeat) }
        defer { heartbeatTimer.close() }
        let watcher = EventLoop.shared.task {
            await writer.closed()
            sink.finish()
        }
        defer { watcher.cancel() }
        // How long a client waits before reconnecting after the stream ends.
        guard await writer.send(Array("retry: 2000\n\n".utf8)), await sendFromLog(upTo: nil, writer) else { return }
        for await input in inputs {
            switch input {
            case .heartbeat:
                guard await writer.sendHeartbeat() else { return }
            case .change(let change):
                guard change.position > position else { continue }
                if change.position > position + 1 {
                    guard await sendFromLog(upTo: change.position - 1, writer) else { return }
                }
                guard change.position > position else { continue }
                guard await send(change, writer) else { return }
            }
        }
    }

    /// Sends the logged changes after `position` (up to `limit` when given); false when the
    /// client left or the log cannot be read (the client reconnects and resumes).
    private func sendFromLog(upTo limit: Int64?, _ writer: ResponseStreamWriter) async -> Bool {
        while true {
            guard let page = try? await log.read(after: position, limit: 500) else { return false }
            for change in page {
                if let limit, change.position > limit { return true }
                guard await send(change, writer) else { return false }
            }
            if page.count < 500 { return true }
        }
    }

    private func send(_ change: NumberedChange, _ writer: ResponseStreamWriter) async -> Bool {
        position = change.position
        return await writer.sendEvent(change.kind.rawValue, data: change.body, id: String(change.position))
    }
}
