import HTTP
import Testing

/// The request-smuggling material from DESIGN.md: each must be refused with the exact status, and
/// the same status whether the bytes arrive at once or one at a time.
@Suite("Parser refuses ambiguous framing")
struct ParserSmugglingTests {
    static let framingCases: [RejectionCase] = [
        .init("CL with TE", post("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"), 400),
        .init("TE with CL", post("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n"), 400),
        .init("duplicate equal CL", post("Content-Length: 5\r\nContent-Length: 5\r\n\r\nhello"), 400),
        .init("duplicate different CL", post("Content-Length: 5\r\ncontent-length: 6\r\n\r\nhello!"), 400),
        .init("CL comma list", post("Content-Length: 5, 5\r\n\r\nhello"), 400),
        .init("CL with plus sign", post("Content-Length: +5\r\n\r\nhello"), 400),
        .init("CL negative", post("Content-Length: -1\r\n\r\n"), 400),
        .init("CL space inside", post("Content-Length: 1 0\r\n\r\n0123456789"), 400),
        .init("CL hex", post("Content-Length: 0x5\r\n\r\nhello"), 400),
        .init("CL empty", post("Content-Length:\r\n\r\n"), 400),
        .init("CL overflow", post("Content-Length: 99999999999999999999999\r\n\r\n"), 400),
        .init("TE gzip", post("Transfer-Encoding: gzip\r\n\r\n"), 501),
        .init("TE identity", post("Transfer-Encoding: identity\r\n\r\n"), 501),
        .init("TE chunked twice in a list", post("Transfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n"), 400),
        .init("TE gzip then chunked", post("Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"), 400),
        .init("TE empty", post("Transfer-Encoding:\r\n\r\n"), 400),
        .init("TE with parameter", post("Transfer-Encoding: chunked;q=1\r\n\r\n0\r\n\r\n"), 400),
        .init("TE repeated", post("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"), 400),
        .init("TE on HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        .init("obs-fold", post("X-Note: a\r\n b\r\nContent-Length: 0\r\n\r\n"), 400),
        .init("obs-fold into TE", post("Transfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\n"), 400),
        .init("tab fold", post("X-Note: a\r\n\tb\r\n\r\n"), 400),
        .init("whitespace before colon", post("Content-Length : 5\r\n\r\nhello"), 400),
        .init("tab before colon", post("Transfer-Encoding\t: chunked\r\n\r\n0\r\n\r\n"), 400),
        .init("missing Host", "GET / HTTP/1.1\r\n\r\n", 400),
        .init("repeated Host", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
        .init("repeated Host on 1.0", "GET / HTTP/1.0\r\nHost: a\r\nhost: a\r\n\r\n", 400),
        .init("Host with a space and a path", "GET / HTTP/1.1\r\nHost: a b/c\r\n\r\n", 400),
        .init("Host as a list", "GET / HTTP/1.1\r\nHost: a, b\r\n\r\n", 400),
        .init("Host with user info", "GET / HTTP/1.1\r\nHost: u@a\r\n\r\n", 400),
        .init("Host with a port that is not digits", "GET / HTTP/1.1\r\nHost: x:abc\r\n\r\n", 400),
        .init("Host with an unclosed IP literal", "GET / HTTP/1.1\r\nHost: [::1\r\n\r\n", 400),
        .init("Host with a broken percent-escape", "GET / HTTP/1.1\r\nHost: a%4\r\n\r\n", 400),
    ]

    /// What RFC 3986's authority grammar allows for `Host` is accepted.
    @Test("valid Host values", arguments: ["", "a", "localhost:8080", "127.0.0.1:8080", "[::1]:8080", "[::1]", "example.com",
                                           "a%41b.example", "x:", "xn--bcher-kva.example:443"])
    func validHost(_ host: String) {
        #expect(parse("GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n").error == nil, "\(host)")
    }

    static let lineEndingCases: [RejectionCase] = [
        .init("bare LF after request line", "GET / HTTP/1.1\nHost: a\r\n\r\n", 400),
        .init("bare LF after field line", "GET / HTTP/1.1\r\nHost: a\n\r\n", 400),
        .init("bare LF ending the head", "GET / HTTP/1.1\r\nHost: a\r\n\n", 400),
        .init("bare LF only", "GET / HTTP/1.1\nHost: a\n\n", 400),
        .init("bare CR in field value", "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\rc\r\n\r\n", 400),
        .init("bare CR in request line", "GET /\r HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        .init("bare LF in chunk size line", post("Transfer-Encoding: chunked\r\n\r\n5\nhello\r\n0\r\n\r\n"), 400),
        .init("bare LF after chunk data", post("Transfer-Encoding: chunked\r\n\r\n5\r\nhello\n0\r\n\r\n"), 400),
        .init("bare LF in last chunk", post("Transfer-Encoding: chunked\r\n\r\n0\n\r\n"), 400),
        .init("bare LF ending trailers", post("Transfer-Encoding: chunked\r\n\r\n0\r\n\n"), 400),
        .init("no CRLF after chunk data", post("Transfer-Encoding: chunked\r\n\r\n5\r\nhelloX0\r\n\r\n"), 400),
        .init("chunk longer than its size", post("Transfer-Encoding: chunked\r\n\r\n3\r\nhello\r\n0\r\n\r\n"), 400),
        .init("CR without LF after chunk data", post("Transfer-Encoding: chunked\r\n\r\n5\r\nhello\rX0\r\n\r\n"), 400),
    ]

    @Test("framing and Host faults", arguments: framingCases, [nil, 1])
    func framing(_ rejection: RejectionCase, pieceSize: Int?) {
        #expect(parse(rejection.request, pieceSize: pieceSize).error?.status == rejection.status)
    }

    @Test("line-ending faults", arguments: lineEndingCases, [nil, 1])
    func lineEndings(_ rejection: RejectionCase, pieceSize: Int?) {
        #expect(parse(rejection.request, pieceSize: pieceSize).error?.status == rejection.status)
    }

    @Test("errors name the fault without quoting the request")
    func errorDetail() {
        let error = parse(post("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n")).error
        #expect(error == HTTPParseError(status: 400, detail: "Content-Length and Transfer-Encoding together"))
        let secret = parse(post("X-Caller: Jane Doe\r\nX-Caller-Note: a\r\n b\r\n\r\n")).error
        #expect(secret?.detail.contains("Jane") == false)
        #expect(secret?.status == 400)
        // A line with no colon is named as such, whitespace before a colon as that.
        #expect(parse("GET / HTTP/1.1\r\nHost x\r\n\r\n").error?.detail == "field line without colon")
        #expect(parse("GET / HTTP/1.1\r\nHost : x\r\n\r\n").error?.detail == "whitespace between field name and colon")
    }

    @Test("the parser stays dead after an error")
    func deadAfterError() throws {
        var parser = RequestParser()
        parser.append(Array("GET / HTTP/1.1\nHost: a\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.self) { try parser.next() }
        parser.append(Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        let again = #expect(throws: HTTPParseError.self) { try parser.next() }
        #expect(again?.status == 400)
        #expect(!parser.isIdleBetweenRequests)
    }
}
