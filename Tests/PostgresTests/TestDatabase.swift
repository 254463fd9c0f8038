import Loop
import Postgres
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Where the tests' PostgreSQL is: `LODESTAR_TEST_DATABASE_URL` (a libpq connection string).
enum TestDatabase {
    /// The connection string, or a test failure that says how to provide one.
    static func conninfo() throws -> String {
        guard let raw = getenv("LODESTAR_TEST_DATABASE_URL"), !String(cString: raw).isEmpty else {
            Issue.record("LODESTAR_TEST_DATABASE_URL is not set: start a database (ops/test does) and export its libpq connection string")
            throw MissingDatabase()
        }
        return String(cString: raw)
    }

    @LoopActor
    static func connect() async throws -> PostgresConnection {
        try await PostgresConnection.connect(conninfo())
    }

    /// A table name no other test uses (tests run in parallel on one database).
    static func uniqueName(_ prefix: String) -> String {
        "\(prefix)_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
    }

    struct MissingDatabase: Error {}
}
