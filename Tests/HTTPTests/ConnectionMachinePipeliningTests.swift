@testable import HTTP
import Testing

/// Requests answered one at a time in arrival order, reading paused at the pipelining limit,
/// and when a response is the last on the connection.
@Suite struct ConnectionMachinePipeliningTests {
    typealias Harness = ConnectionMachineHarness

    @Test func pipelinedRequestsAreHandedOverOneAtATimeInOrder() {
        var c = Harness()
        _ = c.start()
        #expect(c.receive(Sent.get("/1") + Sent.get("/2") + Sent.get("/3"), at: 1) == ["answer GET /1", "cancel timer"])
        #expect(c.answer(at: 2) == (true, ["answer GET /2"]))
        #expect(c.answer(at: 3) == (true, ["answer GET /3"]))
        #expect(c.answer(at: 4) == (true, ["timer 64.0"]))
    }

    @Test func readingPausesAtThePipeliningLimitAndResumesWhenCaughtUp() {
        var c = Harness { $0.maxPipelinedRequests = 2 }
        _ = c.start()
        let five = (1...5).map { Sent.get("/\($0)") }.joined()
        #expect(c.receive(five, at: 1) == ["pause", "answer GET /1", "cancel timer"])
        #expect(c.answer(at: 2) == (true, ["answer GET /2"]))
        #expect(c.answer(at: 3) == (true, ["answer GET /3"]))
        #expect(c.answer(at: 4) == (true, ["answer GET /4", "read"]))
        #expect(c.answer(at: 5) == (true, ["answer GET /5"]))
        #expect(c.answer(at: 6) == (true, ["timer 66.0"]))
    }

    /// Bytes left unread while we are behind are not held against the client.
    @Test func aRequestLeftUnparsedAtTheLimitIsTimedFromWhenReadingResumes() {
        var c = Harness { $0.maxPipelinedRequests = 1 }
        _ = c.start()
        #expect(c.receive(Sent.get("/1") + Sent.get("/2") + "GET /3 HTTP/1.1\r\n", at: 1) == ["pause", "answer GET /1", "cancel timer"])
        #expect(c.answer(at: 20) == (true, ["answer GET /2", "read", "timer 30.0"]))
    }

    @Test func connectionCloseMakesItsResponseTheLast() {
        var c = Harness()
        _ = c.start()
        #expect(c.receive(Sent.get("/a", "Connection: close\r\n") + Sent.get("/b"), at: 1) == ["answer GET /a", "cancel timer"])
        #expect(c.answer(at: 2) == (false, ["fin", "timer 62.0"]))
    }

    @Test func http10KeepsTheConnectionOnlyWhenAsked() {
        var plain = Harness()
        _ = plain.start()
        #expect(plain.receive("GET /a HTTP/1.0\r\n\r\n", at: 1) == ["answer GET /a", "cancel timer"])
        #expect(plain.answer(at: 2) == (false, ["fin", "timer 62.0"]))

        var keepAlive = Harness()
        _ = keepAlive.start()
        _ = keepAlive.receive("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", at: 1)
        #expect(keepAlive.answer(at: 2) == (true, ["timer 62.0"]))
    }

    /// A streamed response always ends the connection; what was pipelined behind it is dropped.
    @Test func aStreamIsTheLastResponse() {
        var c = Harness()
        _ = c.start()
        _ = c.receive(Sent.get("/events") + Sent.get("/b"), at: 1)
        let keepAlive = c.produced(stream: true)
        #expect(!keepAlive)
        #expect(c.streamStarted() == [])
        #expect(c.finished(at: 9) == ["fin", "timer 69.0"])
    }

    @Test func idleMeansNothingReceivedAndNothingOwed() {
        var c = Harness()
        _ = c.start()
        #expect(c.machine.isIdle, "fresh")
        _ = c.receive("GET /a HTTP/1.1\r\n", at: 1)
        #expect(!c.machine.isIdle, "a head in progress")
        _ = c.receive("Host: t\r\n\r\n", at: 2)
        #expect(!c.machine.isIdle, "being answered")
        _ = c.answer(at: 3)
        #expect(c.machine.isIdle, "between requests")
        _ = c.receive("G", at: 4)
        #expect(!c.machine.isIdle, "a byte of the next request")
        _ = c.peerFinished(at: 5)
        #expect(!c.machine.isIdle, "closing, our last bytes still queued")

        var lingering = Harness()
        _ = lingering.reject(status: 503)
        _ = lingering.answer(at: 0)
        #expect(!lingering.machine.isIdle)
        _ = lingering.writesShutDown(at: 1)
        #expect(lingering.machine.isIdle, "everything sent, waiting for the peer's FIN")
    }
}
