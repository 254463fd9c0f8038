import HTTP
import Testing

/// Size and count limits: refused with 431 or 413, and at the earliest moment.
@Suite("Parser enforces limits")
struct ParserLimitTests {
    @Test("a head over maxHeadBytes is 431; one at the limit passes")
    func headBytes() {
        let limits = HTTPLimits(maxHeadBytes: 64)
        let head = "GET / HTTP/1.1\r\nHost: a\r\nX-Pad: "  // 32 bytes, then padding, CRLF, CRLF
        #expect(parse(head + String(repeating: "p", count: 28) + "\r\n\r\n", limits: limits).error == nil)
        #expect(parse(head + String(repeating: "p", count: 29) + "\r\n\r\n", limits: limits).error?.status == 431)
    }

    @Test("an endless field line is refused before its CRLF arrives")
    func endlessLine() {
        let outcome = parse("GET / HTTP/1.1\r\nHost: a\r\nX-Pad: " + String(repeating: "p", count: 20_000))
        #expect(outcome.error?.status == 431)
    }

    @Test("endless empty lines before a request count toward the head limit")
    func endlessEmptyLines() {
        let outcome = parse(String(repeating: "\r\n", count: 40), limits: HTTPLimits(maxHeadBytes: 64))
        #expect(outcome.error?.status == 431)
    }

    @Test("more than maxHeaderCount fields is 431; exactly the count passes")
    func headerCount() {
        let limits = HTTPLimits(maxHeaderCount: 5)
        let fields = (1...4).map { "X-\($0): v\r\n" }.joined()
        #expect(parse("GET / HTTP/1.1\r\nHost: a\r\n" + fields + "\r\n", limits: limits).error == nil)
        let outcome = parse("GET / HTTP/1.1\r\nHost: a\r\n" + fields + "X-5: v\r\n\r\n", limits: limits)
        #expect(outcome.error?.status == 431)
    }

    @Test("Content-Length over maxBodyBytes is 413 before any body arrives")
    func contentLengthTooLarge() {
        var parser = RequestParser(limits: HTTPLimits(maxBodyBytes: 1024))
        parser.append(Array(post("Content-Length: 1025\r\n\r\n").utf8))
        #expect(throws: HTTPParseError(status: 413, detail: "request body too large")) { try parser.next() }
        let atLimit = parse(post("Content-Length: 1024\r\n\r\n") + String(repeating: "b", count: 1024),
                            limits: HTTPLimits(maxBodyBytes: 1024))
        #expect(atLimit.body.count == 1024)
    }

    @Test("a chunked body that grows past maxBodyBytes is 413 at the chunk that crosses it")
    func chunkedTooLarge() {
        let limits = HTTPLimits(maxBodyBytes: 10)
        let outcome = parse(post("Transfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n5\r\nghijk\r\n0\r\n\r\n"), limits: limits)
        #expect(outcome.error?.status == 413)
        #expect(outcome.body == Array("abcdef".utf8))
        let atLimit = parse(post("Transfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n4\r\nghij\r\n0\r\n\r\n"), limits: limits)
        #expect(atLimit.error == nil)
    }

    @Test("trailers are bounded like a head")
    func trailerLimits() {
        let limits = HTTPLimits(maxHeadBytes: 64, maxHeaderCount: 2)
        let big = parse(post("Transfer-Encoding: chunked\r\n\r\n0\r\nX-T: " + String(repeating: "t", count: 80) + "\r\n\r\n"),
                        limits: HTTPLimits(maxHeadBytes: 64))
        #expect(big.error?.status == 431)
        let many = parse(post("Transfer-Encoding: chunked\r\n\r\n0\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"), limits: limits)
        #expect(many.error?.status == 431)
    }
}
