import HTTP
import Testing

/// Input split arbitrarily, several requests in one read, and the idle flag the connection reads.
@Suite("Parser handles streams")
struct ParserStreamingTests {
    static let requests: [String] = [
        "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n",
        post("Content-Length: 11\r\n\r\nhello world"),
        post("Transfer-Encoding: chunked\r\n\r\n4;x=y\r\nabcd\r\n2\r\nef\r\n0\r\nX-T: 1\r\n\r\n"),
        "\r\nGET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
    ]

    @Test("pipelined requests in one buffer come out in order")
    func pipelined() {
        let outcome = parse(Self.requests.joined())
        #expect(outcome.error == nil)
        #expect(outcome.heads.map(\.method) == ["GET", "POST", "POST", "GET"])
        #expect(outcome.normalized.count == 4 + 2 + 4)  // heads, bodies, ends
        #expect(outcome.events.filter { $0 == .end }.count == 4)
        #expect(outcome.body == Array("hello worldabcdef".utf8))
    }

    @Test("one byte at a time gives the same events", arguments: [1, 2, 3, 7])
    func byteAtATime(pieceSize: Int) {
        let whole = parse(Self.requests.joined())
        let pieces = parse(Self.requests.joined(), pieceSize: pieceSize)
        #expect(pieces.error == nil)
        #expect(pieces.normalized == whole.normalized)
    }

    @Test("body pieces are passed on as they arrive")
    func bodyAsItArrives() throws {
        var parser = RequestParser()
        parser.append(Array(post("Content-Length: 6\r\n\r\nabc").utf8))
        #expect(try parser.next().map(Self.isHead) == true)
        #expect(try parser.next() == .body(Array("abc".utf8)))
        #expect(try parser.next() == nil)
        parser.append(Array("defGET".utf8))
        #expect(try parser.next() == .body(Array("def".utf8)))
        #expect(try parser.next() == .end)
        #expect(try parser.next() == nil)
    }

    @Test("a large body in many reads arrives whole")
    func largeBody() {
        let body = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let request = Array(post("Content-Length: \(body.count)\r\n\r\n").utf8) + body
        let outcome = parse(request, pieceSize: 65_536)
        #expect(outcome.error == nil)
        #expect(outcome.body == body)
    }

    @Test("idle only between requests with nothing buffered")
    func idle() throws {
        var parser = RequestParser()
        #expect(parser.isIdleBetweenRequests)
        parser.append(Array("GET / HTT".utf8))
        #expect(try parser.next() == nil)
        #expect(!parser.isIdleBetweenRequests)
        parser.append(Array("P/1.1\r\nHost: a\r\n\r\n".utf8))
        #expect(try parser.next().map(Self.isHead) == true)
        #expect(!parser.isIdleBetweenRequests)
        #expect(try parser.next() == .end)
        #expect(parser.isIdleBetweenRequests)
        parser.append(Array(post("Content-Length: 2\r\n\r\n").utf8))
        #expect(try parser.next().map(Self.isHead) == true)
        #expect(try parser.next() == nil)
        #expect(!parser.isIdleBetweenRequests)
    }

    private static func isHead(_ event: RequestParserEvent) -> Bool {
        if case .head = event { return true }
        return false
    }
}
