import Foundation
import JSON
import Testing

/// `lodestar serve` as an operator runs it: JSON logs on stderr, /healthz, and a clean exit on
/// SIGTERM or SIGINT (SPEC §9).
@Suite struct ServeProcessTests {
    @Test(arguments: [("SIGTERM", SIGTERM), ("SIGINT", SIGINT)])
    func servesHealthLogsJSONAndStopsOnSignal(_ name: String, _ signal: Int32) async throws {
        let server = try ServerProcess(database: try TestDatabase.create())
        let health = try await server.request("GET", "/healthz")
        #expect(health.status == 200)
        #expect(health.json == ["status": "ok"])

        server.signal(signal)
        #expect(server.waitForExit(timeout: 10) == 0, "still running 10 s after \(name), or not exit status 0")
        let lines = server.logLines
        #expect(lines.contains { (try? JSON.parse(Array($0.utf8)))?["msg"] == "stopped" })
        for line in lines {
            let object = try? JSON.parse(Array(line.utf8))
            #expect(object?["level"]?.stringValue != nil, "not a JSON log line: \(line)")
            #expect(object?["msg"]?.stringValue != nil, "not a JSON log line: \(line)")
        }
    }

    /// A request partly received when the signal comes is in flight: it may finish arriving,
    /// is answered (the last response on its connection), and then the process exits 0.
    @Test func aRequestBeingReceivedAtSIGTERMIsFinished() async throws {
        let server = try ServerProcess(database: try TestDatabase.create())
        #expect(try await server.request("GET", "/healthz").status == 200)
        let response = try await server.rawInTwoParts("GET /healthz HTTP/1.1\r\nHo", between: { server.signal(SIGTERM) },
                                                      pause: .milliseconds(300), "st: 127.0.0.1\r\n\r\n")
        #expect(response.status == 200)
        #expect(response.headers["Connection"]?.lowercased() == "close")
        #expect(server.waitForExit(timeout: 10) == 0)
    }
}
