extension RequestParser {
    /// The state after a head: straight to `.end` when there is no body.
    static func firstBodyState(for framing: BodyFraming) -> State {
        switch framing {
        case .none, .length(0): .endOfMessage
        case .length(let length): .body(remaining: length)
        case .chunked: .chunkSize(bodyBytes: 0)
        }
    }

    /// Consumes up to `limit` body bytes; nil when none are buffered. Pieces follow the reads, so
    /// a large body is passed on as it arrives instead of being gathered first.
    mutating func readBody(upTo limit: Int) -> [UInt8]? {
        buffer.readableCount > 0 ? buffer.read(upTo: limit) : nil
    }

    /// Consumes a chunk-size line and returns the size, or nil when the line is incomplete.
    mutating func readChunkSize() throws(HTTPParseError) -> Int? {
        guard let line = try buffer.nextLine() else {
            // A line that can no longer be valid is refused now rather than buffered to the end.
            guard buffer.readableCount <= ChunkSizeLine.maxBytes(limits) else {
                throw .badRequest("chunk size line too long")
            }
            return nil
        }
        return try buffer.withBytes(in: line) { (bytes) throws(HTTPParseError) in
            try ChunkSizeLine.parse(bytes, limits: limits)
        }
    }

    /// Where a chunk of `size` leads: its data, or the trailers after the last (zero) chunk.
    func nextChunkState(size: Int, bodyBytes: Int) throws(HTTPParseError) -> State {
        if size == 0 { return .trailers(FieldSectionProgress(name: "trailer section")) }
        guard size <= limits.maxBodyBytes - bodyBytes else { throw .bodyTooLarge }
        return .chunkData(remaining: size, bodyBytes: bodyBytes + size)
    }

    /// Consumes the CRLF after chunk data; false when it has not fully arrived. Anything else there
    /// means the chunk size lied, which is how chunked smuggling works, so it is an error.
    mutating func readChunkDataEnd() throws(HTTPParseError) -> Bool {
        guard let first = buffer.peek(at: 0) else { return false }
        guard first == ASCII.cr else { throw .badRequest("missing CRLF after chunk data") }
        guard let second = buffer.peek(at: 1) else { return false }
        guard second == ASCII.lf else { throw .badRequest("missing CRLF after chunk data") }
        buffer.skip(2)
        return true
    }
}
