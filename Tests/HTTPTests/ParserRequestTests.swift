import HTTP
import Testing

/// Well-formed requests and what the parser derives from them.
@Suite("Parser accepts well-formed requests")
struct ParserRequestTests {
    @Test("a simple GET gives its head, then end")
    func simpleGet() throws {
        let outcome = parse("GET /v1/teams?status=available&near=1,2 HTTP/1.1\r\nHost: lodestar\r\nAccept: */*\r\n\r\n")
        #expect(outcome.error == nil)
        let expected = RequestHead(
            method: "GET", target: "/v1/teams?status=available&near=1,2", path: "/v1/teams",
            query: "status=available&near=1,2", version: .http11,
            headers: ["Host": "lodestar", "Accept": "*/*"], keepAlive: true
        )
        #expect(outcome.events == [.head(expected), .end])
    }

    @Test("a POST with Content-Length gives head, body, end")
    func postWithContentLength() throws {
        let outcome = parse(post("Content-Type: application/json\r\nContent-Length: 13\r\n\r\n{\"events\":[]}"))
        let head = try #require(outcome.heads.first)
        #expect(head.method == "POST")
        #expect(head.contentLength == 13)
        #expect(!head.isChunked)
        #expect(outcome.events.dropFirst() == [.body(Array("{\"events\":[]}".utf8)), .end])
    }

    @Test("Content-Length 0 means no body")
    func zeroLength() {
        let outcome = parse(post("Content-Length: 0\r\n\r\n"))
        #expect(outcome.events.count == 2)
        #expect(outcome.events.last == .end)
        #expect(outcome.heads.first?.contentLength == 0)
    }

    @Test("path and query are split at the first ? and not decoded")
    func pathAndQuery() throws {
        let heads = parse(
            "GET /v1/contacts/a%2Fb?x=1?y HTTP/1.1\r\nHost: a\r\n\r\nGET /healthz? HTTP/1.1\r\nHost: a\r\n\r\n"
        ).heads
        #expect(heads.map(\.path) == ["/v1/contacts/a%2Fb", "/healthz"])
        #expect(heads.map(\.query) == ["x=1?y", ""])
    }

    @Test("absolute-form and asterisk-form targets")
    func otherTargetForms() {
        let heads = parse(
            "GET http://lodestar:8080/readyz?x HTTP/1.1\r\nHost: a\r\n\r\n"
                + "GET HTTPS://lodestar HTTP/1.1\r\nHost: a\r\n\r\n"
                + "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n"
        ).heads
        #expect(heads.map(\.path) == ["/readyz", "/", "*"])
        #expect(heads.map(\.query) == ["x", nil, nil])
        #expect(heads.first?.target == "http://lodestar:8080/readyz?x")
    }

    @Test("field values are trimmed, names looked up in any case, order kept")
    func fields() throws {
        let head = try #require(parse(
            "GET / HTTP/1.1\r\nHost:lodestar\r\nX-Tag: \t one two \t\r\nx-tag: three\r\nX-Empty:\r\n\r\n"
        ).heads.first)
        #expect(head.headers["host"] == "lodestar")
        #expect(head.headers["X-TAG"] == "one two")
        #expect(head.headers.values("x-Tag") == ["one two", "three"])
        #expect(head.headers["x-empty"] == "")
        #expect(head.headers["missing"] == nil)
        #expect(head.headers.map(\.name) == ["Host", "X-Tag", "x-tag", "X-Empty"])
    }

    @Test("obs-text bytes are allowed in values")
    func obsText() {
        let bytes = Array("GET / HTTP/1.1\r\nHost: a\r\nX-Name: caf".utf8) + [0xC3, 0xA9] + Array("\r\n\r\n".utf8)
        #expect(parse(bytes).heads.first?.headers["x-name"] == "café")
    }

    @Test("empty lines before the request line are ignored")
    func leadingEmptyLines() {
        let outcome = parse("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.heads.map(\.path) == ["/"])
    }

    @Test("HTTP/1.0 needs no Host")
    func http10WithoutHost() {
        let outcome = parse("GET / HTTP/1.0\r\n\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.heads.first?.version == .http10)
    }

    @Test(
        "keep-alive follows version and Connection",
        arguments: [
            ("HTTP/1.1", "", true),
            ("HTTP/1.1", "Connection: close\r\n", false),
            ("HTTP/1.1", "Connection: keep-alive, Close\r\n", false),
            ("HTTP/1.1", "Connection: Upgrade\r\nConnection: CLOSE\r\n", false),
            ("HTTP/1.0", "", false),
            ("HTTP/1.0", "Connection: Keep-Alive\r\n", true),
            ("HTTP/1.0", "Connection: keep-alive, close\r\n", false),
            ("HTTP/1.0", "Connection: closed\r\n", false),
        ]
    )
    func keepAlive(version: String, connection: String, expected: Bool) {
        let head = parse("GET / \(version)\r\nHost: a\r\n\(connection)\r\n").heads.first
        #expect(head?.keepAlive == expected)
    }

    @Test(
        "Expect: 100-continue is honoured on HTTP/1.1 only",
        arguments: [
            ("HTTP/1.1", "Expect: 100-continue\r\n", true),
            ("HTTP/1.1", "Expect: 100-Continue\r\n", true),
            ("HTTP/1.1", "", false),
            ("HTTP/1.1", "Expect: something-else\r\n", false),
            ("HTTP/1.0", "Expect: 100-continue\r\n", false),
        ]
    )
    func expectContinue(version: String, expect: String, expected: Bool) {
        let head = parse("POST / \(version)\r\nHost: a\r\nContent-Length: 2\r\n\(expect)\r\n").heads.first
        #expect(head?.expectsContinue == expected)
    }
}
