import DequeModule
import Loop

/// The pure heart of `HTTPConnection`: which request is being read, which wait to be answered,
/// and when the client has had its time. The shell feeds it socket events and the clock's `now`
/// and performs the actions it returns; it touches no socket, so every timeout is tested
/// without waiting.
///
/// Policy: requests are answered strictly in order, and at most `maxPipelinedRequests` wait
/// behind the one being answered (beyond that, reading pauses). A request must arrive whole
/// within `requestTimeout` of its first byte, and a connection's first request within
/// `requestTimeout` of the accept, else 408 and close: a connection that sends nothing cannot
/// hold its slot for long. A connection with nothing in progress closes after `idleTimeout`.
/// A client that stops reading what is written to it is cut off after `writeTimeout`.
/// The clock only runs against the client while the client owes bytes: not while it waits for
/// an earlier response or for a `100 Continue` held back behind one.
struct HTTPConnectionStateMachine {
    typealias Instant = MonotonicInstant

    enum State {
        /// Reading requests and answering them.
        case open(Open)
        /// The last response is written: our FIN follows the queued bytes, then the peer's FIN
        /// is awaited (what it still sends is discarded), until `deadline` at most.
        case closing(Closing)
        case closed
        /// Held while a payload is mutated in place, so the payload is not shared and not copied.
        case modifying
    }

    /// A connection that reads requests and answers them.
    struct Open {
        var reading: Reading
        /// Complete requests (and refusals) behind the one being answered, in arrival order.
        var queue = Deque<Pending>()
        var answering: Answering?
        /// Reading stopped because `queue` is full: the client pipelines faster than we answer.
        var isReadingPaused = false
        var peerFinished = false
        var isDraining = false
        /// Since when a write has waited for a client that does not read.
        var writeBackedUpSince: Instant?
    }

    /// Where the connection is in reading the next request.
    enum Reading {
        /// Nothing received since the accept; the first request's clock runs from `since`.
        case awaitingFirstRequest(since: Instant)
        /// Nothing of a next request received; idle since `since` once nothing is being answered.
        case betweenRequests(since: Instant)
        /// Part of a request received.
        case request(Incoming)
        /// No further request is read (refused, `Connection: close`, draining, peer finished).
        case stopped
    }

    /// The request being received: its head once parsed, and its body so far.
    struct Incoming {
        var startedAt: Instant
        var head: RequestHead?
        var body: [UInt8] = []
        /// The client waits for `100 Continue` before it sends the body; not sent yet.
        var awaitsContinue = false
    }

    /// Something owed to the client, in order.
    enum Pending {
        case request(Request)
        case problem(Problem)
    }

    /// The response in progress.
    enum Answering: Equatable {
        /// The responder is working on it; `keepAliveWanted` is what the request allows.
        case producing(keepAliveWanted: Bool)
        case writing(isLast: Bool)
        /// A streamed body; always the last response on the connection.
        case streaming
    }

    struct Closing {
        var deadline: Instant
        var writesShutDown = false
        var peerFinished: Bool
    }

    enum Action {
        case startReading
        case stopReading
        /// Produce and write the response to this request, or write this problem; then report
        /// `responseProduced` and `responseFinished`.
        case answer(Pending)
        case writeContinue
        /// (Re)arm the connection's one timer for this instant; then report `timerFired`.
        case armTimer(Instant)
        case cancelTimer
        /// Server shutdown: the stream's producer stops, and the stream still gets its last chunk.
        case endStream
        /// The client is gone: the stream's producer stops.
        case abandonStream
        /// Send FIN after the queued bytes; then report `writesShutDown`.
        case shutdownWrites
        /// Close the socket now.
        case close
    }

    /// How long a closing connection waits for the peer's FIN after its own: closing with
    /// unread input makes the kernel reset the connection, and the client could lose the
    /// response.
    static let linger = Duration.seconds(2)

    let configuration: HTTPServerConfiguration
    var state: State
    /// Outside `state` because it lives as long as the connection and changes on every read.
    var parser: RequestParser
    var armedDeadline: Instant?

    init(configuration: HTTPServerConfiguration, acceptedAt: Instant) {
        self.configuration = configuration
        parser = RequestParser(limits: configuration.limits)
        state = .open(Open(reading: .awaitingFirstRequest(since: acceptedAt)))
    }

    /// Idle: nothing of a request received and nothing owed, or everything sent and only the
    /// peer's FIN awaited. The server may close an idle connection to admit a new one at its
    /// connection limit; lingering ones count, or connections that time out together would
    /// all linger at once and keep every newcomer out.
    var isIdle: Bool {
        switch state {
        case .open(let open):
            guard open.isQuiet, parser.isIdleBetweenRequests else { return false }
            switch open.reading {
            case .awaitingFirstRequest, .betweenRequests: return true
            case .request, .stopped: return false
            }
        case .closing(let closing):
            return closing.writesShutDown
        case .closed, .modifying:
            return false
        }
    }

    var isClosed: Bool { if case .closed = state { true } else { false } }
}
