import Foundation
import Loop
import Postgres
import Testing

@Suite struct MigratorTests {
    init() { EventLoop.startInBackground() }

    /// Migrations that create tables named after the test, so parallel tests do not collide.
    private func migrations(_ prefix: String) -> [Migration] {
        [
            Migration(version: 1, name: "first", sql: "CREATE TABLE \(prefix)_a (id int PRIMARY KEY);\nINSERT INTO \(prefix)_a VALUES (1), (2);"),
            Migration(version: 2, name: "second", sql: "CREATE TABLE \(prefix)_b (a int REFERENCES \(prefix)_a);\nCREATE INDEX ON \(prefix)_b (a);"),
        ]
    }

    @LoopActor private func cleanUp(_ pool: PostgresPool, _ prefix: String) async throws {
        try await pool.query("DROP TABLE IF EXISTS \(prefix)_b, \(prefix)_a, \(prefix)_history")
    }

    @Test @LoopActor func applyingTwiceIsIdempotent() async throws {
        let pool = PostgresPool(configuration: .init(conninfo: try TestDatabase.conninfo(), size: 1))
        defer { pool.close() }
        let prefix = TestDatabase.uniqueName("mig")
        let migrator = try Migrator(migrations: migrations(prefix), table: "\(prefix)_history")
        #expect(try await migrator.migrate(pool).map(\.version) == [1, 2])
        #expect(try await migrator.migrate(pool).isEmpty)
        let history = try await pool.query("SELECT version, name, length(checksum) FROM \(prefix)_history ORDER BY version")
        #expect(history.map { $0[1].string } == ["first", "second"])
        #expect(history[0][2].int == 64)
        // A third migration later applies alone.
        let more = try Migrator(migrations: migrations(prefix) + [Migration(version: 3, name: "third", sql: "ALTER TABLE \(prefix)_a ADD COLUMN note text")], table: "\(prefix)_history")
        #expect(try await more.migrate(pool).map(\.version) == [3])
        try await cleanUp(pool, prefix)
    }

    @Test @LoopActor func concurrentMigratorsApplyEachMigrationOnce() async throws {
        let pool = PostgresPool(configuration: .init(conninfo: try TestDatabase.conninfo(), size: 3))
        defer { pool.close() }
        let prefix = TestDatabase.uniqueName("migc")
        let migrator = try Migrator(migrations: migrations(prefix), table: "\(prefix)_history")
        let runs = (0..<3).map { _ in Task { @LoopActor in try await migrator.migrate(pool).count } }
        var counts: [Int] = []
        for run in runs { counts.append(try await run.value) }
        #expect(counts.sorted() == [0, 0, 2])
        #expect(try await pool.query("SELECT count(*) FROM \(prefix)_a")[0][0].int == 2)
        try await cleanUp(pool, prefix)
    }

    @Test @LoopActor func changedAppliedMigrationIsAnError() async throws {
        let pool = PostgresPool(configuration: .init(conninfo: try TestDatabase.conninfo(), size: 1))
        defer { pool.close() }
        let prefix = TestDatabase.uniqueName("migx")
        _ = try await Migrator(migrations: migrations(prefix), table: "\(prefix)_history").migrate(pool)
        var edited = migrations(prefix)
        edited[0].sql += "\n-- edited"
        let error = await #expect(throws: MigrationError.self) {
            try await Migrator(migrations: edited, table: "\(prefix)_history").migrate(pool)
        }
        #expect(error?.message.contains("changed after it was applied") == true)
        try await cleanUp(pool, prefix)
    }

    @Test @LoopActor func failingMigrationLeavesNothingBehind() async throws {
        let pool = PostgresPool(configuration: .init(conninfo: try TestDatabase.conninfo(), size: 1))
        defer { pool.close() }
        let prefix = TestDatabase.uniqueName("migf")
        let broken = [Migration(version: 1, name: "broken", sql: "CREATE TABLE \(prefix)_a (id int);\nSELECT no_such_column FROM \(prefix)_a;")]
        let error = await #expect(throws: MigrationError.self) { try await Migrator(migrations: broken, table: "\(prefix)_history").migrate(pool) }
        #expect(error?.underlying?.sqlState == "42703")
        #expect(try await pool.query("SELECT to_regclass($1) IS NULL", ["\(prefix)_a"])[0][0].bool == true)
        #expect(try await pool.query("SELECT count(*) FROM \(prefix)_history")[0][0].int == 0)
        try await cleanUp(pool, prefix)
    }

    @Test func directoryFilesAreValidated() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("migrations-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        func write(_ name: String, _ text: String = "SELECT 1;") throws {
            try text.write(toFile: "\(directory)/\(name)", atomically: true, encoding: .utf8)
        }
        try write("002_second.sql")
        try write("001_first.sql")
        try write("README.md", "ignored")
        let migrator = try Migrator(directory: directory)
        #expect(migrator.migrations.map(\.name) == ["first", "second"])

        try write("004_gap.sql")
        #expect(throws: MigrationError.self) { try Migrator(directory: directory) }
        try FileManager.default.removeItem(atPath: "\(directory)/004_gap.sql")
        try write("002_duplicate.sql")
        let duplicate = #expect(throws: MigrationError.self) { try Migrator(directory: directory) }
        #expect(duplicate?.message.contains("two migrations have version 2") == true)
        try FileManager.default.removeItem(atPath: "\(directory)/002_duplicate.sql")
        try write("3-bad.sql")
        #expect(throws: MigrationError.self) { try Migrator(directory: directory) }
    }
}
