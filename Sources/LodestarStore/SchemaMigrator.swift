import Foundation
import Loop
import Postgres

/// Applies `sql/NNN_name.sql` files in order, each with its record in `schema_migrations`, all
/// under a transaction-level advisory lock so that processes starting together apply each file
/// exactly once.
@LoopActor
struct SchemaMigrator {
    struct Failure: Error, CustomStringConvertible { var description: String }

    let directory: String

    func migrate(_ pool: PostgresPool) async throws -> [String] {
        let files = try migrationFiles()
        var script = """
            BEGIN;
            SELECT pg_advisory_xact_lock(7465730);
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
            """
        let applied = try await pool.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS exists")
        var done = Set<Int>()
        if applied.first?[0].bool == true {
            for row in try await pool.query("SELECT version FROM schema_migrations") { if let v = row[0].int { done.insert(v) } }
        }
        let pending = files.filter { !done.contains($0.version) }
        guard !pending.isEmpty else { return [] }
        for file in pending {
            let body = try String(contentsOfFile: file.path, encoding: .utf8)
            // Re-checked under the lock: another process may have applied it meanwhile.
            script += "\nDO $lodestar$ BEGIN IF EXISTS (SELECT 1 FROM schema_migrations WHERE version = \(file.version)) THEN RAISE EXCEPTION 'lodestar-migration-raced'; END IF; END $lodestar$;\n"
            script += body + "\nINSERT INTO schema_migrations (version, name) VALUES (\(file.version), '\(file.name)');\n"
        }
        script += "COMMIT;"
        do {
            try await pool.withConnection { connection in _ = try await connection.runScript(script) }
        } catch let error as PostgresError where error.message.contains("lodestar-migration-raced") {
            return try await migrate(pool)
        }
        return pending.map(\.name)
    }

    private func migrationFiles() throws -> [(version: Int, name: String, path: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".sql") }.sorted()
        var seen = Set<Int>()
        return try names.map { name in
            guard let version = Int(name.prefix { $0.isNumber }), name.first?.isNumber == true, seen.insert(version).inserted else {
                throw Failure(description: "migration \(name): name must start with a unique number")
            }
            return (version, String(name.dropLast(4)), directory + "/" + name)
        }
    }
}
