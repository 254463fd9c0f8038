@testable import HTTP
import Testing

/// The connection's clocks, driven by hand: a client has `requestTimeout` for each request
/// (its first one counted from the accept), `idleTimeout` between requests, and `writeTimeout`
/// to read what it is sent.
@Suite struct ConnectionMachineTimeoutTests {
    typealias Harness = ConnectionMachineHarness

    @Test func aConnectionThatSendsNothingGets408AtTheRequestTimeout() {
        var c = Harness()
        #expect(c.start() == ["read", "timer 10.0"])
        #expect(c.timer(at: 10) == ["problem 408"])
        #expect(c.answer(at: 10) == (false, ["fin", "timer 70.0"]))
        #expect(c.writesShutDown(at: 10.5) == ["timer 12.5"])
        #expect(c.peerFinished(at: 11) == ["close"])
    }

    /// Trickling in the first bytes late does not buy a slow client more time.
    @Test func theFirstRequestsClockRunsFromTheAccept() {
        var c = Harness()
        _ = c.start()
        #expect(c.receive("GET /a HTTP/1.1\r\n", at: 9) == [])
        #expect(c.receive("Host: t\r\n", at: 9.9) == [])
        #expect(c.timer(at: 10) == ["problem 408"])
    }

    @Test func aTimerThatFiresEarlyOnlyRearms() {
        var c = Harness()
        _ = c.start()
        #expect(c.timer(at: 9.5) == ["timer 10.0"])
        #expect(c.timer(at: 10) == ["problem 408"])
    }

    @Test func aKeepAliveConnectionWithNothingInProgressIsClosedSilentlyAtTheIdleTimeout() {
        var c = Harness()
        _ = c.start()
        #expect(c.receive(Sent.get("/a"), at: 1) == ["answer GET /a", "cancel timer"])
        // Governed by the idle timeout from the answer on, not by the request timeout.
        #expect(c.answer(at: 2) == (true, ["timer 62.0"]))
        #expect(c.timer(at: 62) == ["close"])
        #expect(c.machine.isClosed)
    }

    @Test func aKeepAliveConnectionThatStartsARequestMustFinishItsHeadInTime() {
        var c = Harness()
        _ = c.start()
        _ = c.receive(Sent.get("/a"), at: 1)
        _ = c.answer(at: 2)
        #expect(c.receive("GET /b HTTP/1.1\r\nHo", at: 30) == ["timer 40.0"])
        #expect(c.timer(at: 40) == ["problem 408"])
        #expect(c.answer(at: 40) == (false, ["fin", "timer 100.0"]))
    }

    /// Each pipelined request is timed from its own first byte, not from the first request's.
    @Test func theRequestTimerIsRearmedForEachPipelinedRequest() {
        var c = Harness()
        _ = c.start()
        #expect(c.receive(Sent.get("/a") + "GET /b HTTP/1.1\r\n", at: 1) == ["answer GET /a", "timer 11.0"])
        #expect(c.answer(at: 4) == (true, []))
        #expect(c.receive("Host: t\r\n\r\n" + "GET /c HTTP/1.1\r\n", at: 5) == ["answer GET /b", "timer 15.0"])
        #expect(c.answer(at: 6) == (true, []))
        #expect(c.timer(at: 15) == ["problem 408"])
    }

    @Test func aClientThatDoesNotReadIsCutOffAtTheWriteTimeout() {
        var c = Harness()
        _ = c.start()
        _ = c.receive(Sent.get("/big"), at: 1)
        let keepAlive = c.produced()
        #expect(keepAlive)
        #expect(c.writeBackedUp(at: 2) == ["timer 62.0"])
        #expect(c.writeDrained(at: 3) == ["cancel timer"])
        #expect(c.writeBackedUp(at: 4) == ["timer 64.0"])
        #expect(c.timer(at: 64) == ["close"])
        #expect(c.finished(at: 64, written: false) == [])
    }

    /// A closing connection ends even if the peer neither reads its last bytes nor sends FIN.
    @Test func aClosingConnectionIsBoundedInTime() {
        var c = Harness()
        _ = c.reject(status: 503)
        #expect(c.answer(at: 0) == (false, ["fin", "timer 60.0"]))
        #expect(c.timer(at: 60) == ["close"])

        var lingering = Harness()
        _ = lingering.reject(status: 503)
        _ = lingering.answer(at: 0)
        #expect(lingering.writesShutDown(at: 1) == ["timer 3.0"])
        #expect(lingering.timer(at: 3) == ["close"])
    }
}
