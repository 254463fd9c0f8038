/// What `RequestParser.next()` found in the bytes received so far.
public enum RequestParserEvent: Sendable, Equatable {
    /// A complete request head; body events (if any) and `end` follow.
    case head(RequestHead)
    /// A piece of the body, already de-chunked. Pieces follow the received reads, not chunk sizes.
    case body([UInt8])
    /// The request is complete; the next event belongs to the next (pipelined) request.
    case end
}
