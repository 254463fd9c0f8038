import EmbeddedPostgres
import Foundation

/// Finds the database the way every `lodestar` command does (SPEC §9): `LODESTAR_DATABASE_URL`
/// if set, else the embedded cluster under `LODESTAR_DATA_DIR` (default `.lodestar/`), started
/// on first use.
enum DatabaseLocation {
    static func connectionString(environment: Environment = Environment()) throws -> String {
        if let url = environment["LODESTAR_DATABASE_URL"] { return url }
        return try embeddedCluster(environment: environment).ensureRunning()
    }

    /// The cluster under `LODESTAR_DATA_DIR` (default `.lodestar/`), binaries from `LODESTAR_PG_BIN`
    /// or found on this machine. The cluster reads no environment itself: these are its settings.
    static func embeddedCluster(environment: Environment = Environment()) -> EmbeddedCluster {
        EmbeddedCluster(dataDirectory: environment["LODESTAR_DATA_DIR"] ?? ".lodestar",
                        binDirectory: environment["LODESTAR_PG_BIN"])
    }

    /// The `sql/` migrations: `LODESTAR_SQL_DIR`, else the checkout the binary was built in
    /// (`.build/<config>/lodestar` sits three levels below it), else `./sql`.
    static func migrationsDirectory(environment: Environment = Environment()) -> String {
        if let directory = environment["LODESTAR_SQL_DIR"] { return directory }
        // /proc/self/exe names the running binary however it was invoked (PATH, relative, symlink).
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var candidate = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            candidate = candidate.deletingLastPathComponent()
            let sql = candidate.appendingPathComponent("sql")
            if FileManager.default.fileExists(atPath: sql.appendingPathComponent("001_tokens_and_audit.sql").path) { return sql.path }
        }
        return FileManager.default.currentDirectoryPath + "/sql"
    }
}
