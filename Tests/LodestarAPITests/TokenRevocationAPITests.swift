import Foundation
import JSON
import Testing

/// `lodestar token revoke` holds at once in every `lodestar serve` sharing the database (SPEC
/// §8; §2: an unknown token is 401), however long lookups are cached.
@Suite struct TokenRevocationAPITests {
    @Test func aRevokedTokenIsRefusedByEveryServerAtOnce() async throws {
        let database = try TestDatabase.create()
        let name = uniqueID("revoked")
        let token = try LodestarBinary.createToken(role: "manager", name: name, database: database)
        // A cache far longer than the test: only hearing the revocation can end the token.
        let servers = try (1...2).map { _ in
            try ServerProcess(database: database, extraEnvironment: ["LODESTAR_TOKEN_CACHE_SECONDS": "600"])
        }
        defer { for server in servers { _ = server.stop() } }
        try await Self.waitUntilListening(servers, database: database)
        for server in servers {
            #expect(try await server.request("GET", "/v1/regions", token: token).status == 200)
        }

        let revoke = try LodestarBinary.run(["token", "revoke", name], database: database)
        #expect(revoke.status == 0)
        for server in servers {
            #expect(try await Self.statusOnceRevocationArrives(server, token: token) == 401)
        }
    }

    /// The status of a request with `token`, retried while 200 for at most a second: the
    /// revocation reaches a server as a notification from PostgreSQL, which is asynchronous by
    /// nature (sent as the revoking transaction commits, read by the server when it arrives),
    /// so a request sent the instant the command exits may overtake it.
    static func statusOnceRevocationArrives(_ server: ServerProcess, token: String) async throws -> Int {
        var status = 0
        for _ in 0..<20 {
            status = try await server.request("GET", "/v1/regions", token: token).status
            if status != 200 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        return status
    }

    /// Waits until every server is ready and has its listening connection, where revocations
    /// arrive: before it listens a server caches nothing, and the test would prove less.
    static func waitUntilListening(_ servers: [ServerProcess], database: TestDatabase) async throws {
        for _ in 0..<100 {
            var ready = true
            for server in servers where try await server.request("GET", "/readyz").status != 200 { ready = false }
            let listening = Int(try database.sql(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'")) ?? 0
            if ready && listening >= servers.count { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the servers did not get ready and listen within 10 s")
    }
}
