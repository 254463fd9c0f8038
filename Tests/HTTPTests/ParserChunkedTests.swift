import HTTP
import Testing

/// Chunked bodies: de-chunking, extensions and trailers.
@Suite("Parser de-chunks bodies")
struct ParserChunkedTests {
    @Test("several chunks are joined into the body")
    func severalChunks() throws {
        let outcome = parse(post("Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n1\r\n \r\nA\r\n0123456789\r\n0\r\n\r\n"))
        #expect(outcome.error == nil)
        let head = try #require(outcome.heads.first)
        #expect(head.isChunked)
        #expect(head.contentLength == nil)
        #expect(outcome.body == Array("hello 0123456789".utf8))
        #expect(outcome.events.last == .end)
        #expect(outcome.events.count == 5)
    }

    @Test("the coding name is case-insensitive")
    func codingCase() {
        let outcome = parse(post("Transfer-Encoding: Chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n"))
        #expect(outcome.body == Array("hi".utf8))
    }

    @Test("extensions are checked and dropped")
    func extensions() {
        let chunks = "3;name\r\nabc\r\n3 ; a = b ;c=\"q \\\"x\\\" ;\"\r\ndef\r\n0;last\r\n\r\n"
        let outcome = parse(post("Transfer-Encoding: chunked\r\n\r\n" + chunks))
        #expect(outcome.error == nil)
        #expect(outcome.body == Array("abcdef".utf8))
    }

    @Test("an extension of exactly the limit is accepted")
    func extensionAtLimit() {
        let limits = HTTPLimits(maxChunkExtensionBytes: 8)
        let accepted = parse(post("Transfer-Encoding: chunked\r\n\r\n1;abcdefg\r\nx\r\n0\r\n\r\n"), limits: limits)
        #expect(accepted.body == Array("x".utf8))
        let refused = parse(post("Transfer-Encoding: chunked\r\n\r\n1;abcdefgh\r\nx\r\n0\r\n\r\n"), limits: limits)
        #expect(refused.error?.status == 400)
    }

    @Test("trailers are accepted and ignored")
    func trailers() throws {
        let outcome = parse(post("Transfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\nX-Checksum: abc\r\nX-Other: d\r\n\r\n"))
        #expect(outcome.error == nil)
        #expect(outcome.body == Array("ok".utf8))
        let head = try #require(outcome.heads.first)
        #expect(head.headers["x-checksum"] == nil)
        #expect(outcome.events.last == .end)
    }

    @Test("a chunked body can be empty")
    func emptyChunked() {
        let outcome = parse(post("Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"))
        #expect(outcome.events.count == 2)
        #expect(outcome.events.last == .end)
    }
}
