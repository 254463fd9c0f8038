/// Serialises a response's status line and header fields.
enum ResponseHead {
    /// The head for a complete body: adds `Content-Length`, `Date` and, when the connection
    /// will close, `Connection: close`. `omitBody` is for HEAD, whose length is still the GET's.
    /// `confirmKeepAlive` is for HTTP/1.0 clients, which keep the connection only when told
    /// `Connection: keep-alive` (RFC 9112 §9.3).
    static func serialize(_ response: Response, bodyLength: Int, keepAlive: Bool, confirmKeepAlive: Bool = false,
                          date: String, into out: inout [UInt8]) {
        statusLine(response.status, into: &out)
        for (name, value) in response.headers { field(name, value, into: &out) }
        // The server's own fields are written without the check for CR and LF that values from
        // handlers get, and the length without building a string for it.
        appendASCII("Content-Length: ", to: &out)
        appendDecimal(bodyLength, to: &out)
        out.append(13); out.append(10)
        appendASCII("Date: ", to: &out)
        appendUTF8(date, to: &out)
        out.append(13); out.append(10)
        if !keepAlive {
            field("Connection", "close", into: &out)
        } else if confirmKeepAlive {
            field("Connection", "keep-alive", into: &out)
        }
        out.append(contentsOf: crlf)
    }

    /// The head of a streamed (chunked) response; the connection closes when the stream ends.
    static func serializeStreaming(_ response: Response, date: String) -> [UInt8] {
        var out: [UInt8] = []
        statusLine(response.status, into: &out)
        for (name, value) in response.headers { field(name, value, into: &out) }
        field("Transfer-Encoding", "chunked", into: &out)
        field("Date", date, into: &out)
        field("Connection", "close", into: &out)
        out.append(contentsOf: crlf)
        return out
    }

    static let continueLine = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
    private static let crlf: [UInt8] = [13, 10]

    private static let http11: [UInt8] = Array("HTTP/1.1 ".utf8)

    /// Written piece by piece: an interpolated string would be built and dropped per response.
    private static func statusLine(_ status: Int, into out: inout [UInt8]) {
        out.append(contentsOf: http11)
        out.append(UInt8(ascii: "0") + UInt8(status / 100 % 10))
        out.append(UInt8(ascii: "0") + UInt8(status / 10 % 10))
        out.append(UInt8(ascii: "0") + UInt8(status % 10))
        out.append(32)
        appendUTF8(HTTPStatus.reason(status), to: &out)
        out.append(contentsOf: crlf)
    }

    private static func field(_ name: String, _ value: String, into out: inout [UInt8]) {
        appendUTF8(name, to: &out)
        out.append(58); out.append(32)
        // Header values come from our own code; CR/LF would let a value forge headers. Values
        // nearly never hold one, so they are checked first and copied whole.
        let copied = value.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for byte in bytes where byte == 13 || byte == 10 { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if copied != true {
            for byte in value.utf8 where byte != 13 && byte != 10 { out.append(byte) }
        }
        out.append(contentsOf: crlf)
    }

    /// A literal's bytes appended in one copy.
    private static func appendASCII(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// `value` (not negative) in decimal digits.
    private static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        } while divisor > 0
    }

    /// A string's bytes appended in one copy (native strings are contiguous UTF-8), rather than
    /// through the generic sequence path byte by byte.
    private static func appendUTF8(_ text: String, to out: inout [UInt8]) {
        if text.utf8.withContiguousStorageIfAvailable({ out.append(contentsOf: $0) }) == nil {
            out.append(contentsOf: text.utf8)
        }
    }
}
