import Foundation
import JSON
import Testing

/// `lodestar serve` when its migrations cannot be applied.
@Suite struct ServeMigrationFailureTests {
    /// A migrations directory with no migrations (the binary copied away from its checkout, a
    /// mistyped `LODESTAR_SQL_DIR`) could never become ready: one error line naming the
    /// directory, and exit status 78 (EX_CONFIG) before the process listens.
    @Test func anEmptyMigrationsDirectoryEndsTheProcessBeforeItListens() throws {
        let empty = try Self.directory(with: [:])
        defer { try? FileManager.default.removeItem(atPath: empty) }

        let result = try RunProcess.run(LodestarBinary.path, ["serve", "--port", "0"], environment: [
            "LODESTAR_SQL_DIR": empty, "LODESTAR_DATABASE_URL": "host=127.0.0.1 port=1 dbname=unused connect_timeout=1",
        ], timeout: 30)

        #expect(result.status == 78, "stderr: \(result.stderr)")
        let lines = result.stderr.split(separator: "\n").compactMap { try? JSON.parse(Array($0.utf8)) }
        let line = try #require(lines.first { $0["msg"] == "migrations not found" }, "stderr: \(result.stderr)")
        #expect(line["level"] == "error")
        #expect(line["directory"] == .string(empty))
        #expect(!lines.contains { $0["msg"] == "listening" })
    }

    /// Until the schema is in place, `/v1` is 503 with `Retry-After`, as in a database outage
    /// (SPEC §2), not a 500 from a table that does not exist yet; `/healthz` answers, `/readyz`
    /// is 503. Here a migration fails on a fresh database, so the window never closes.
    @Test func v1Is503UntilTheSchemaIsInPlace() async throws {
        let broken = try Self.directory(with: ["001_broken.sql": "SELECT 1 / 0;"])
        defer { try? FileManager.default.removeItem(atPath: broken) }
        let server = try ServerProcess(database: try TestDatabase.create(), extraEnvironment: ["LODESTAR_SQL_DIR": broken])
        defer { _ = server.stop() }
        for _ in 0..<200 where !server.logLines.contains(where: { $0.contains("migrations failed") }) {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(server.logLines.contains { $0.contains("migrations failed") })

        for (method, path) in [("GET", "/v1/teams"), ("POST", "/v1/events"), ("GET", "/v1/no-such-route")] {
            let response = try server.raw(method, path, headers: [("Authorization", "Bearer any-token")])
            #expect(response.status == 503, "\(method) \(path)")
            #expect(response.header("Retry-After") == "2", "\(method) \(path)")
            #expect(response.header("Content-Type") == "application/problem+json", "\(method) \(path)")
        }
        #expect(try server.raw("GET", "/healthz").status == 200)
        #expect(try server.raw("GET", "/readyz").status == 503)
    }

    /// A fresh directory holding `files` (name: contents).
    private static func directory(with files: [String: String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-sql-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, contents) in files { try contents.write(toFile: path + "/" + name, atomically: true, encoding: .utf8) }
        return path
    }
}
