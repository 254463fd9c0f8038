import Foundation
import FoundationNetworking
import JSON
import Testing

/// `lodestar serve` as an operator runs it: JSON logs on stderr, /healthz, and a clean exit on
/// SIGTERM or SIGINT (SPEC §9).
@Suite struct ServeProcessTests {
    @Test(arguments: [("SIGTERM", SIGTERM), ("SIGINT", SIGINT)])
    func servesHealthLogsJSONAndStopsOnSignal(_ name: String, _ signal: Int32) async throws {
        // Port 0: the kernel picks a free port, and the "listening" line says which.
        let server = try LodestarProcess(["serve", "--host", "127.0.0.1", "--port", "0"])
        let listening = try #require(await server.logLine(message: "listening"), "no listening line: \(server.stderrLines)")
        let port = try #require(listening["port"]?.stringValue.flatMap { Int($0) })

        let url = try #require(URL(string: "http://127.0.0.1:\(port)/healthz"))
        let (body, response) = try await URLSession.shared.data(from: url)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(try JSON.parse(Array(body)) == ["status": "ok"])

        server.signal(signal)
        let exit = try #require(await server.exitStatus(), "still running 10 s after \(name)")
        #expect(exit.reason == .exit)
        #expect(exit.status == 0)
        #expect(await server.logLine(message: "stopped", timeout: .seconds(2)) != nil)

        let lines = server.stderrLines
        #expect(!lines.isEmpty)
        for line in lines {
            let object = (try? JSON.parse(line))?.objectValue
            #expect(object?["level"]?.stringValue != nil, "not a JSON log line: \(line)")
            #expect(object?["msg"]?.stringValue != nil, "not a JSON log line: \(line)")
        }
    }
}
