@testable import HTTP
import Testing

/// `100 Continue`: sent exactly once, never ahead of an earlier response, never when the
/// request is refused at its head or the body came anyway.
@Suite struct ConnectionMachineContinueTests {
    typealias Harness = ConnectionMachineHarness

    @Test func sentOnceForABodyArrivingInPieces() {
        var c = Harness()
        _ = c.start()
        let head = "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n"
        // The client's clock restarts with the invitation to send the body.
        #expect(c.receive(head, at: 1) == ["100", "timer 11.0"])
        #expect(c.receive("5\r\n", at: 2) == [])
        #expect(c.receive("hello\r\n", at: 3) == [])
        #expect(c.receive("0\r\n\r\n", at: 4) == ["answer POST /echo body=hello", "cancel timer"])
    }

    /// Behind a slow request the client waits for us, so no clock runs against it until the
    /// `100` goes out after the earlier response.
    @Test func heldBackBehindAPipelinedRequestThenSent() {
        var c = Harness()
        _ = c.start()
        #expect(c.receive(Sent.get("/slow") + Sent.expecting(5), at: 1) == ["answer GET /slow", "cancel timer"])
        #expect(c.answer(at: 30) == (true, ["100", "timer 40.0"]))
        #expect(c.receive("hello", at: 31) == ["answer POST /echo body=hello", "cancel timer"])
        #expect(c.answer(at: 32) == (true, ["timer 92.0"]))
    }

    @Test func notSentWhenTheRequestIsRefusedAtItsHead() {
        var c = Harness()
        _ = c.start()
        let tooLarge = "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2097152\r\nExpect: 100-continue\r\n\r\n"
        #expect(c.receive(tooLarge, at: 1) == ["problem 413", "cancel timer"])
    }

    @Test func notSentWhenTheBodyCameAnyway() {
        var c = Harness()
        _ = c.start()
        #expect(c.receive(Sent.expecting(5) + "hello", at: 1) == ["answer POST /echo body=hello", "cancel timer"])
    }
}
