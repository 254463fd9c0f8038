import Loop

/// Applies numbered migrations once each, safely from several processes at once.
///
/// Every migrator takes a session advisory lock first, so concurrent starts run one after
/// another and the later ones find nothing to do. Each pending migration runs in its own
/// transaction together with its row in the history table (version, name, checksum,
/// applied_at). An applied migration whose file changed is an error, as is a database that
/// knows a version this build does not.
public struct Migrator: Sendable {
    public let migrations: [Migration]
    /// The history table (unquoted identifier); tests use their own.
    public let table: String

    /// Reads `directory`'s `NNN_name.sql` files; versions must run 1, 2, 3... without gaps.
    public init(directory: String, table: String = "schema_migrations") throws(MigrationError) {
        try self.init(migrations: MigrationDirectory.read(directory), table: table)
    }

    public init(migrations: [Migration], table: String = "schema_migrations") throws(MigrationError) {
        let sorted = migrations.sorted { $0.version < $1.version }
        for (index, migration) in sorted.enumerated() {
            if index > 0 && sorted[index - 1].version == migration.version {
                throw MigrationError("two migrations have version \(migration.version): \(sorted[index - 1].name) and \(migration.name)")
            }
            if migration.version != index + 1 {
                throw MigrationError("migration versions must run 1, 2, 3... without gaps; expected \(index + 1), found \(migration.version) (\(migration.name))")
            }
        }
        guard table.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }), !table.isEmpty else {
            throw MigrationError("history table name \(table) must be a plain identifier")
        }
        self.migrations = sorted
        self.table = table
    }

    /// Applies what is pending on one of the pool's connections; returns what it applied.
    ///
    /// Without the pool's answer timeout: a migration of a large table, or the wait for another
    /// process's migration lock, may go quiet for longer, and a connection given up meanwhile
    /// would roll the migration back when the server finds the client gone, then retry it.
    @LoopActor
    public func migrate(_ pool: PostgresPool) async throws -> [Migration] {
        try await pool.withConnection { connection in
            let answerTimeout = connection.answerTimeout
            connection.answerTimeout = nil
            defer { connection.answerTimeout = answerTimeout }
            return try await migrate(on: connection)
        }
    }

    /// The advisory lock key: fixed per history table, so unrelated lock users do not collide.
    var lockKey: Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "lodestar.migrations.\(table)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }
}
