/// What has been read of a request head so far.
struct PartialHead: Sendable {
    var section = FieldSectionProgress(name: "request head")
    var requestLine: RequestLine?
    var headers = HTTPHeaders()
    var framing = FramingFields()
}

extension RequestParser {
    /// Reads the request line and field lines; returns the head and its body framing once the
    /// empty line has arrived, or nil when more bytes are needed.
    mutating func readHead(_ partial: inout PartialHead) throws(HTTPParseError) -> (RequestHead, BodyFraming)? {
        while partial.requestLine == nil {
            guard let line = try buffer.nextLine() else {
                try partial.section.checkPending(buffer.readableCount, limits: limits)
                try checkPendingMethod()
                return nil
            }
            try partial.section.addLine(length: line.count, limits: limits)
            // RFC 9112 §2.2 lets a server ignore empty lines before the request line (some clients
            // send a CRLF after a body). Any number is ignored; they count toward maxHeadBytes.
            if !line.isEmpty {
                partial.requestLine = try buffer.withBytes(in: line, RequestLine.init(parsing:))
            }
        }
        let complete = try readFieldSection(&partial.section) { (field, line) throws(HTTPParseError) in
            let name = UnsafeBufferPointer(rebasing: line[field.name])
            let value = UnsafeBufferPointer(rebasing: line[field.value])
            try partial.framing.observe(name: name, value: value)
            partial.headers.add(name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self))
        }
        guard complete, let requestLine = partial.requestLine else { return nil }
        return try Self.makeHead(requestLine, partial.headers, partial.framing, limits: limits)
    }

    /// A request line still arriving must begin with a method, a token: bytes that cannot (a TLS
    /// handshake sent to the plain port, binary noise) are refused at once rather than after the
    /// request timeout. Only the first bytes are looked at, and only while the line is incomplete.
    private func checkPendingMethod() throws(HTTPParseError) {
        var offset = 0
        while offset < 32, let byte = buffer.peek(at: offset) {
            if byte == ASCII.space || byte == ASCII.cr || byte == ASCII.lf { return }
            guard ASCII.isTokenChar(byte) else { throw .badRequest("malformed request line") }
            offset += 1
        }
    }

    private static func makeHead(
        _ line: RequestLine, _ headers: HTTPHeaders, _ framing: FramingFields, limits: HTTPLimits
    ) throws(HTTPParseError) -> (RequestHead, BodyFraming) {
        let body = try framing.resolveBody(version: line.version, limits: limits)
        let head = RequestHead(
            method: line.method,
            target: line.target.raw,
            path: line.target.path,
            query: line.target.query,
            version: line.version,
            headers: headers,
            keepAlive: framing.keepAlive(version: line.version),
            expectsContinue: framing.expectsContinue(version: line.version),
            contentLength: framing.contentLength,
            isChunked: body == .chunked
        )
        return (head, body)
    }

    /// Reads field lines up to the empty line that ends the section, handing each (validated)
    /// to `onField` with the line it indexes into. True once the empty line has been consumed.
    mutating func readFieldSection(
        _ progress: inout FieldSectionProgress,
        onField: (FieldLine, UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> Void
    ) throws(HTTPParseError) -> Bool {
        while let line = try buffer.nextLine() {
            try progress.addLine(length: line.count, limits: limits)
            if line.isEmpty { return true }
            try progress.addField(limits: limits)
            try buffer.withBytes(in: line) { (bytes) throws(HTTPParseError) in
                try onField(FieldLine(parsing: bytes), bytes)
            }
        }
        try progress.checkPending(buffer.readableCount, limits: limits)
        return false
    }
}
