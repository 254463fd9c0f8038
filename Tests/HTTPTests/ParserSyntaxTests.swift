import HTTP
import Testing

/// Request lines, field lines and chunk framing that are malformed rather than ambiguous.
@Suite("Parser refuses malformed syntax")
struct ParserSyntaxTests {
    static let requestLineCases: [RejectionCase] = [
        .init("two spaces after method", "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        .init("two spaces before version", "GET /  HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        .init("trailing space", "GET / HTTP/1.1 \r\nHost: a\r\n\r\n", 400),
        .init("tab separator", "GET\t/ HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        .init("no version", "GET /\r\nHost: a\r\n\r\n", 400),
        .init("lower-case version", "GET / http/1.1\r\nHost: a\r\n\r\n", 400),
        .init("two-digit minor", "GET / HTTP/1.10\r\nHost: a\r\n\r\n", 400),
        .init("HTTP/2.0", "GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505),
        .init("HTTP/1.2", "GET / HTTP/1.2\r\nHost: a\r\n\r\n", 505),
        .init("HTTP/0.9", "GET / HTTP/0.9\r\nHost: a\r\n\r\n", 505),
        .init("method not a token", "GE(T / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        .init("invalid target byte", "GET /a<b HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        .init("fragment in target", "GET /a#b HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        .init("bad percent escape", "GET /a%zz HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        .init("truncated percent escape", "GET /a%4 HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        .init("asterisk outside OPTIONS", "GET * HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        .init("authority form", "CONNECT lodestar:443 HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        .init("userinfo in absolute form", "GET http://u@a/ HTTP/1.1\r\nHost: a\r\n\r\n", 400),
    ]

    static let fieldLineCases: [RejectionCase] = [
        .init("whitespace before first field", "GET / HTTP/1.1\r\n Host: a\r\n\r\n", 400),
        .init("no colon", "GET / HTTP/1.1\r\nHost: a\r\nX-Flag\r\n\r\n", 400),
        .init("empty name", "GET / HTTP/1.1\r\nHost: a\r\n: x\r\n\r\n", 400),
        .init("name not a token", "GET / HTTP/1.1\r\nHost: a\r\nX@A: x\r\n\r\n", 400),
        .init("NUL in value", "GET / HTTP/1.1\r\nHost: a\r\nX-A: a\u{0}b\r\n\r\n", 400),
        .init("control byte in value", "GET / HTTP/1.1\r\nHost: a\r\nX-A: a\u{1}b\r\n\r\n", 400),
        .init("DEL in value", "GET / HTTP/1.1\r\nHost: a\r\nX-A: a\u{7F}b\r\n\r\n", 400),
    ]

    static let chunkCases: [RejectionCase] = [
        .init("non-hex size", post("Transfer-Encoding: chunked\r\n\r\ng\r\n\r\n"), 400),
        .init("0x size", post("Transfer-Encoding: chunked\r\n\r\n0x5\r\nhello\r\n0\r\n\r\n"), 400),
        .init("negative size", post("Transfer-Encoding: chunked\r\n\r\n-5\r\n"), 400),
        .init("empty size", post("Transfer-Encoding: chunked\r\n\r\n\r\n"), 400),
        .init("size overflow", post("Transfer-Encoding: chunked\r\n\r\nfffffffffffffffff\r\n"), 400),
        .init("extension without name", post("Transfer-Encoding: chunked\r\n\r\n5;\r\nhello\r\n0\r\n\r\n"), 400),
        .init("extension without semicolon", post("Transfer-Encoding: chunked\r\n\r\n5 a\r\nhello\r\n0\r\n\r\n"), 400),
        .init("whitespace after chunk size", post("Transfer-Encoding: chunked\r\n\r\n5 \r\nhello\r\n0\r\n\r\n"), 400),
        .init("whitespace after last chunk size", post("Transfer-Encoding: chunked\r\n\r\n0 \r\n\r\n"), 400),
        .init("whitespace after extension name", post("Transfer-Encoding: chunked\r\n\r\n5;a \r\nhello\r\n0\r\n\r\n"), 400),
        .init("whitespace after extension value", post("Transfer-Encoding: chunked\r\n\r\n5;a=b\t\r\nhello\r\n0\r\n\r\n"), 400),
        .init("unterminated quoted extension", post("Transfer-Encoding: chunked\r\n\r\n5;a=\"b\r\nhello\r\n0\r\n\r\n"), 400),
        .init("extension too long", post("Transfer-Encoding: chunked\r\n\r\n5;a=" + String(repeating: "x", count: 300) + "\r\nhello\r\n0\r\n\r\n"), 400),
        .init("endless extension", post("Transfer-Encoding: chunked\r\n\r\n5;a=" + String(repeating: "x", count: 4000)), 400),
        .init("obs-fold in trailer", post("Transfer-Encoding: chunked\r\n\r\n0\r\nX-T: a\r\n b\r\n\r\n"), 400),
        .init("space before colon in trailer", post("Transfer-Encoding: chunked\r\n\r\n0\r\nX-T : a\r\n\r\n"), 400),
    ]

    @Test("request line", arguments: requestLineCases, [nil, 1])
    func requestLine(_ rejection: RejectionCase, pieceSize: Int?) {
        #expect(parse(rejection.request, pieceSize: pieceSize).error?.status == rejection.status)
    }

    @Test("field lines", arguments: fieldLineCases, [nil, 1])
    func fieldLines(_ rejection: RejectionCase, pieceSize: Int?) {
        #expect(parse(rejection.request, pieceSize: pieceSize).error?.status == rejection.status)
    }

    @Test("chunk framing", arguments: chunkCases, [nil, 1])
    func chunks(_ rejection: RejectionCase, pieceSize: Int?) {
        #expect(parse(rejection.request, pieceSize: pieceSize).error?.status == rejection.status)
    }

    /// Bytes that cannot begin a method are refused before a line end arrives (a TLS handshake
    /// on the plain port); a method still arriving is waited for.
    @Test("a request line that cannot be one is refused at once")
    func notAMethod() {
        let clientHello: [UInt8] = [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC, 0x03, 0x03]
        #expect(parse(clientHello).error?.status == 400)
        #expect(parse("G\u{1}T / HTTP/1.1").error?.status == 400)
        let waiting = parse("GET /healthz HT")
        #expect(waiting.error == nil)
        #expect(parse("\r\nGE").error == nil)
    }
}
