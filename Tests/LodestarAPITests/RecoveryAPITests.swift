import EmbeddedPostgres
import Foundation
import JSON
import Testing

/// A database outage while serving: writes answer 503 with `Retry-After`, the process keeps
/// running, and it serves again by itself once the database is back (SPEC §2). Its log says
/// when the connections were lost and when they came back.
@Suite struct RecoveryAPITests {
    @Test func anOutageGives503AndTheServerRecoversByItself() async throws {
        let directory = "/tmp/lsr-\(UInt32.random(in: 0...UInt32.max))"
        let cluster = EmbeddedCluster(dataDirectory: directory)
        defer {
            try? cluster.stop()
            try? FileManager.default.removeItem(atPath: directory)
        }
        let database = TestDatabase(name: "lodestar", connectionString: try cluster.ensureRunning())
        let token = try LodestarBinary.createToken(role: "ingest", name: "recovery", database: database)
        let server = try ServerProcess(database: database)
        func post(_ id: String) async throws -> APIResponse {
            try await server.request("POST", "/v1/events", token: token, json: EventsAPITests.received(id, contact: "recovering"))
        }
        #expect(try await post("before").status == 200)

        try cluster.stop()
        let during = try await post("during")
        #expect(during.status == 503)
        #expect(during.header("Retry-After") != nil)
        #expect(try await server.request("GET", "/readyz").status == 503)

        _ = try cluster.ensureRunning()
        var after = 0
        for _ in 0..<100 where after != 200 {
            after = try await post("after").status
            if after != 200 { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(after == 200)
        #expect(try await server.request("GET", "/readyz").status == 200)
        #expect(try database.sql("SELECT count(*) FROM contact_events WHERE contact_id = 'recovering'") == "2")
        let messages = server.logLines.compactMap { try? JSON.parse(Array($0.utf8))["msg"]?.stringValue }
        let lost = messages.firstIndex(of: "database connection lost")
        let restored = messages.firstIndex(of: "database connection restored")
        #expect(lost != nil && restored != nil && lost! < restored!, "\(messages)")
        #expect(server.stop() == 0)
    }
}
