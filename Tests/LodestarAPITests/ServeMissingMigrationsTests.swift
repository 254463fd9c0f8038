import Foundation
import JSON
import Testing

/// `lodestar serve` whose migrations directory holds no migrations (the binary copied away from
/// its checkout, a mistyped `LODESTAR_SQL_DIR`) could never become ready: it logs one error line
/// naming the directory and exits with status 78 (EX_CONFIG) before it listens.
@Suite struct ServeMissingMigrationsTests {
    @Test func anEmptyMigrationsDirectoryEndsTheProcessBeforeItListens() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-no-sql-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
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
}
