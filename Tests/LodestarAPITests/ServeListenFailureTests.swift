import Foundation
import JSON
import Testing

/// `lodestar serve` on an address it cannot listen on: one JSON error line naming the address
/// and the reason, and exit status 69 (EX_UNAVAILABLE), never a crash (SPEC §9: logs are JSON
/// lines on stderr).
@Suite struct ServeListenFailureTests {
    @Test func aPortInUseIsLoggedAndEndsTheProcess() throws {
        let occupied = try OccupiedPort()
        // A reachable database: migrations finishing after the failure is what used to crash.
        let result = try Self.serve(["--port", String(occupied.port)], database: try TestDatabase.create())
        #expect(result.status == 69, "stderr: \(result.stderr)")
        let line = try #require(Self.errorLine(result.stderr), "stderr: \(result.stderr)")
        #expect(line["host"] == "127.0.0.1")
        #expect(line["port"] == .string(String(occupied.port)))
        #expect(line["error"] == "EADDRINUSE")
        #expect(line["reason"] == "address already in use")
    }

    @Test func aHostThatIsNotAnAddressIsLoggedAndEndsTheProcess() throws {
        let result = try Self.serve(["--host", "not-an-address", "--port", "0"], database: try TestDatabase.create())
        #expect(result.status == 69, "stderr: \(result.stderr)")
        let line = try #require(Self.errorLine(result.stderr), "stderr: \(result.stderr)")
        #expect(line["host"] == "not-an-address")
        #expect(line["error"] == "EINVAL")
    }

    private static func serve(_ arguments: [String], database: TestDatabase) throws -> RunProcess.Result {
        try RunProcess.run(LodestarBinary.path, ["serve"] + arguments,
                           environment: ["LODESTAR_DATABASE_URL": database.connectionString], timeout: 30)
    }

    /// The "cannot listen" line, provided every line of stderr is a JSON log line.
    private static func errorLine(_ stderr: String) -> JSONValue? {
        let lines = stderr.split(separator: "\n").map { try? JSON.parse(Array($0.utf8)) }
        guard !lines.isEmpty, lines.allSatisfy({ $0?["msg"]?.stringValue != nil }) else { return nil }
        return lines.compactMap { $0 }.first { $0["msg"] == "cannot listen" && $0["level"] == "error" }
    }
}
