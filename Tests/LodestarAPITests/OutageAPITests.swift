import Foundation
import JSON
import Testing

/// With its database unreachable, the server keeps running and answers 503 + Retry-After.
@Suite struct OutageAPITests {
    @Test func anUnreachableDatabaseGives503WithRetryAfter() async throws {
        let unreachable = TestDatabase(name: "none", connectionString: "host=127.0.0.1 port=1 dbname=none connect_timeout=1")
        let server = try ServerProcess(database: unreachable)
        let health = try await server.request("GET", "/healthz")
        #expect(health.status == 200)
        let ready = try await server.request("GET", "/readyz")
        #expect(ready.status == 503)
        #expect(ready.header("Retry-After") != nil)
        let write = try await server.request("POST", "/v1/events", token: "lsk_any", json: EventsAPITests.received("e", contact: "c"))
        #expect(write.status == 503)
        #expect(write.header("Retry-After") != nil)
        #expect(server.stop() == 0)
    }
}
