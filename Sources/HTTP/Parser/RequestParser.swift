/// A strict HTTP/1.1 request parser: a pure state machine, no IO.
///
/// The connection appends what the socket read, then calls `next()` until it returns nil (more
/// bytes needed). After `.end` the next pipelined request is parsed from the bytes already
/// buffered. After an error the parser is dead: `next()` throws the same error again, and the
/// connection answers its status and closes.
///
/// Policy where the RFCs leave a choice: empty lines before a request line are skipped (counted
/// toward `maxHeadBytes`); versions other than 1.0 and 1.1 are 505, even HTTP/1.2; a single
/// unknown transfer coding is 501 while an empty or listed Transfer-Encoding is 400; an unknown
/// `Expect` is ignored; field values are decoded as UTF-8 with invalid bytes replaced.
public struct RequestParser: Sendable {
    /// Where the parser is in the current request. Payloads travel with their state, so a state
    /// can only be entered with the data it needs.
    enum State: Sendable {
        /// Reading the request line and field lines.
        case head(PartialHead)
        /// Reading a Content-Length body; `remaining` > 0.
        case body(remaining: Int)
        /// Waiting for a chunk-size line; `bodyBytes` counts the chunk data so far.
        case chunkSize(bodyBytes: Int)
        /// Reading chunk data; `remaining` > 0.
        case chunkData(remaining: Int, bodyBytes: Int)
        /// Expecting the CRLF that must follow chunk data.
        case chunkDataEnd(bodyBytes: Int)
        /// Reading (and discarding) trailer fields after the last chunk.
        case trailers(FieldSectionProgress)
        /// The body is complete; `.end` is the next event.
        case endOfMessage
        /// A request was refused; the parser stays here.
        case failed(HTTPParseError)
        /// Held while a payload is mutated in place, so the payload is not shared and not copied.
        case modifying
    }

    var state: State = .head(PartialHead())
    var buffer = ReceiveBuffer()
    let limits: HTTPLimits

    /// Creates a parser for one connection.
    public init(limits: HTTPLimits = HTTPLimits()) {
        self.limits = limits
    }

    /// Adds bytes read from the socket; copied, so the caller may reuse its memory at once.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(bytes)
    }

    /// Adds bytes read from the socket.
    public mutating func append(_ bytes: [UInt8]) {
        buffer.append(bytes)
    }

    /// The next event from the bytes received so far, or nil when more bytes are needed.
    public mutating func next() throws(HTTPParseError) -> RequestParserEvent? {
        if case .failed(let error) = state { throw error }
        do {
            return try step()
        } catch {
            state = .failed(error)
            throw error
        }
    }

    /// Whether nothing of a next request has arrived: the connection is idle (keep-alive timeout)
    /// rather than in the middle of a slow request (request timeout).
    public var isIdleBetweenRequests: Bool {
        guard case .head(let partial) = state else { return false }
        return partial.section.bytesRead == 0 && buffer.readableCount == 0
    }

    private mutating func step() throws(HTTPParseError) -> RequestParserEvent? {
        while true {
            switch state {
            case .head(var partial):
                state = .modifying
                guard let (head, framing) = try readHead(&partial) else {
                    state = .head(partial)
                    return nil
                }
                state = Self.firstBodyState(for: framing)
                return .head(head)
            case .body(let remaining):
                guard let bytes = readBody(upTo: remaining) else { return nil }
                state = bytes.count == remaining ? .endOfMessage : .body(remaining: remaining - bytes.count)
                return .body(bytes)
            case .chunkSize(let bodyBytes):
                guard let size = try readChunkSize() else { return nil }
                state = try nextChunkState(size: size, bodyBytes: bodyBytes)
            case .chunkData(let remaining, let bodyBytes):
                guard let bytes = readBody(upTo: remaining) else { return nil }
                state = bytes.count == remaining
                    ? .chunkDataEnd(bodyBytes: bodyBytes)
                    : .chunkData(remaining: remaining - bytes.count, bodyBytes: bodyBytes)
                return .body(bytes)
            case .chunkDataEnd(let bodyBytes):
                guard try readChunkDataEnd() else { return nil }
                state = .chunkSize(bodyBytes: bodyBytes)
            case .trailers(var progress):
                guard try readFieldSection(&progress, onField: { _, _ throws(HTTPParseError) in }) else {
                    state = .trailers(progress)
                    return nil
                }
                state = .head(PartialHead())
                return .end
            case .endOfMessage:
                state = .head(PartialHead())
                return .end
            case .failed(let error):
                throw error
            case .modifying:
                preconditionFailure("RequestParser re-entered while its state was being modified")
            }
        }
    }
}
