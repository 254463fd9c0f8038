import Foundation

/// A fresh, empty database in the test cluster that `ops/test` started
/// (`LODESTAR_TEST_DATABASE_URL`), so suites running in parallel never see each other's rows.
struct TestDatabase: Sendable {
    struct Missing: Error, CustomStringConvertible {
        var description: String { "LODESTAR_TEST_DATABASE_URL is not set: run the suite through ops/test" }
    }

    let name: String
    let connectionString: String

    static func create() throws -> TestDatabase {
        guard let base = ProcessInfo.processInfo.environment["LODESTAR_TEST_DATABASE_URL"] else { throw Missing() }
        let name = "lodestar_test_\(UInt32.random(in: 0...UInt32.max))_\(ProcessInfo.processInfo.processIdentifier)"
        try psql(base, "CREATE DATABASE \(name)")
        return TestDatabase(name: name, connectionString: base.replacingOccurrences(of: "dbname=postgres", with: "dbname=\(name)"))
    }

    /// Runs SQL in this database and returns psql's unaligned output.
    @discardableResult
    func sql(_ statement: String) throws -> String { try Self.psql(connectionString, statement) }

    @discardableResult
    static func psql(_ connectionString: String, _ statement: String) throws -> String {
        let bin = ProcessInfo.processInfo.environment["LODESTAR_TEST_PGBIN"].map { $0 + "/psql" } ?? "/usr/bin/psql"
        let result = try RunProcess.run(bin, ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", connectionString, "-c", statement])
        guard result.status == 0 else { throw RunProcess.Failure(command: "psql", status: result.status, stderr: result.stderr) }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
