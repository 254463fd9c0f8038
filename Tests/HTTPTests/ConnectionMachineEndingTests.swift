@testable import HTTP
import Testing

/// How a connection ends: drained by shutdown, refused at the connection limit, refused for a
/// malformed request, or left by its peer.
@Suite struct ConnectionMachineEndingTests {
    typealias Harness = ConnectionMachineHarness

    @Test func drainClosesAnIdleConnectionAtOnce() {
        var fresh = Harness()
        _ = fresh.start()
        #expect(fresh.drain(at: 1) == ["close"])

        var between = Harness()
        _ = between.start()
        _ = between.receive(Sent.get("/a"), at: 1)
        _ = between.answer(at: 2)
        #expect(between.drain(at: 3) == ["close"])
    }

    @Test func drainAnswersTheRequestsReceivedThenCloses() {
        var c = Harness()
        _ = c.start()
        _ = c.receive(Sent.get("/a") + Sent.get("/b"), at: 1)
        #expect(c.drain(at: 2) == [])
        // `/b` arrived whole before the shutdown: it is answered, and its response is the last.
        #expect(c.answer(at: 3) == (true, ["answer GET /b"]))
        #expect(c.answer(at: 4) == (false, ["fin", "timer 64.0"]))
        // Nothing sent after the shutdown is read.
        #expect(c.receive(Sent.get("/c"), at: 4) == [])
    }

    @Test func drainLetsARequestBeingReceivedArriveAndAnswersIt() {
        var c = Harness()
        _ = c.start()
        _ = c.receive("POST /e HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc", at: 1)
        // Its own deadline (10 s from its first byte, armed already) still holds.
        #expect(c.drain(at: 2) == [])
        #expect(c.receive("defghij", at: 3) == ["answer POST /e body=abcdefghij", "cancel timer"])
        #expect(c.answer(at: 4) == (false, ["fin", "timer 64.0"]))

        // A head not complete yet arrives the same way; too late, it is a 408 as ever.
        var slow = Harness()
        _ = slow.start()
        _ = slow.receive("GET /a HT", at: 1)
        #expect(slow.drain(at: 2) == [])
        #expect(slow.timer(at: 11) == ["problem 408"])
    }

    @Test func drainEndsAStreamWithItsLastChunk() {
        var c = Harness()
        _ = c.start()
        _ = c.receive(Sent.get("/events"), at: 1)
        let keepAlive = c.produced(stream: true)
        #expect(!keepAlive)
        #expect(c.streamStarted() == [])
        #expect(c.drain(at: 5) == ["end stream"])
        #expect(c.finished(at: 5) == ["fin", "timer 65.0"])
    }

    @Test func aStreamStartingAfterDrainEndsAtOnce() {
        var c = Harness()
        _ = c.start()
        _ = c.receive(Sent.get("/events"), at: 1)
        #expect(c.drain(at: 2) == [])
        let keepAlive = c.produced(stream: true)
        #expect(!keepAlive)
        #expect(c.streamStarted() == ["end stream"])
    }

    @Test func thePeerLeavingEndsAStream() {
        var c = Harness()
        _ = c.start()
        _ = c.receive(Sent.get("/events"), at: 1)
        _ = c.produced(stream: true)
        #expect(c.peerFinished(at: 3) == ["abandon stream"])
        #expect(c.finished(at: 4) == ["fin", "timer 64.0"])
        #expect(c.writesShutDown(at: 4) == ["close"])
    }

    @Test func aRejectedConnectionIsAnsweredThenClosed() {
        var c = Harness()
        #expect(c.reject(status: 503) == ["read", "problem 503"])
        #expect(!c.machine.isIdle)
        #expect(c.receive(Sent.get("/a"), at: 0.1) == [], "discarded")
        #expect(c.answer(at: 0.2) == (false, ["fin", "timer 60.2"]))
        #expect(c.writesShutDown(at: 0.3) == ["timer 2.3"])
        #expect(c.peerFinished(at: 1) == ["close"])
    }

    @Test func aMalformedRequestIsRefusedAfterTheEarlierOnesAreAnswered() {
        var c = Harness()
        _ = c.start()
        #expect(c.receive(Sent.get("/a") + "GET /b HTTP/1.1\nHost: t\n\n" + Sent.get("/c"), at: 1) == ["answer GET /a", "cancel timer"])
        #expect(c.answer(at: 2) == (true, ["problem 400"]))
        #expect(c.answer(at: 3) == (false, ["fin", "timer 63.0"]))
    }

    @Test func anOversizedHeadIs431() {
        var c = Harness()
        _ = c.start()
        let padded = Sent.get("/a", "X-Padding: " + String(repeating: "p", count: 17 * 1024) + "\r\n")
        #expect(c.receive(padded, at: 1) == ["problem 431", "cancel timer"])
    }

    @Test func aPeerThatFinishesAfterItsRequestStillGetsTheAnswerMarkedLast() {
        var c = Harness()
        _ = c.start()
        #expect(c.receive(Sent.get("/a"), at: 1) == ["answer GET /a", "cancel timer"])
        #expect(c.peerFinished(at: 1) == [])
        #expect(c.answer(at: 2) == (false, ["fin", "timer 62.0"]))
        #expect(c.writesShutDown(at: 2) == ["close"])
    }

    @Test func aPeerThatFinishesWithNothingOwedIsLetGo() {
        var c = Harness()
        _ = c.start()
        _ = c.receive("GET /a HTTP/1.1\r\n", at: 1)
        #expect(c.peerFinished(at: 2) == ["fin", "timer 62.0"])
        #expect(c.writesShutDown(at: 2) == ["close"])
    }

    @Test func theServerClosingIsFinal() {
        var c = Harness()
        _ = c.start()
        #expect(c.closeRequested() == ["close"])
        #expect(c.timer(at: 10) == [])
        #expect(c.receive(Sent.get("/a"), at: 11) == [])
    }
}
