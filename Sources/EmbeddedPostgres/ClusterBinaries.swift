import Foundation

/// The directory holding the PostgreSQL programs the embedded cluster needs.
struct ClusterBinaries: Sendable, Equatable {
    /// Everything used, all from one directory so that server and client versions match.
    static let required = ["initdb", "pg_ctl", "postgres", "psql"]

    let directory: String

    var initdb: String { directory + "/initdb" }
    var pgCtl: String { directory + "/pg_ctl" }
    var psql: String { directory + "/psql" }

    /// Finds the programs with no configuration on a Debian machine.
    ///
    /// Order: `explicit` (the command line's `LODESTAR_PG_BIN`); else the highest version under
    /// `/usr/lib/postgresql/*/bin` (Debian keeps the server out of PATH); else
    /// `pg_config --bindir`; else the first `path` entry holding all of them.
    static func locate(
        explicit: String?, path: [String] = searchPath, versionsRoot: String = "/usr/lib/postgresql"
    ) throws(EmbeddedClusterError) -> ClusterBinaries {
        if let chosen = explicit {
            guard isComplete(chosen) else {
                throw EmbeddedClusterError(.binariesNotFound,
                    "\(chosen) (LODESTAR_PG_BIN) lacks one of \(required.joined(separator: ", ")); "
                    + "point it at the directory that holds them, e.g. /usr/lib/postgresql/15/bin")
            }
            return ClusterBinaries(directory: chosen)
        }
        // Tried in order and lazily: pg_config costs a process, only spent when needed.
        let found = versionDirectories(under: versionsRoot).first(where: isComplete)
            ?? pgConfigDirectory(path: path).flatMap { isComplete($0) ? $0 : nil }
            ?? path.first(where: isComplete)
        guard let found else {
            throw EmbeddedClusterError(.binariesNotFound,
                "PostgreSQL server binaries not found (looked in \(versionsRoot)/*/bin, "
                + "pg_config --bindir and PATH): apt-get install postgresql-15, "
                + "or set LODESTAR_PG_BIN to the directory holding initdb and pg_ctl")
        }
        return ClusterBinaries(directory: found)
    }

    /// This process's `PATH`, the last place programs are looked for.
    static var searchPath: [String] {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
    }

    /// Whether `directory` holds every required program, executable.
    static func isComplete(_ directory: String) -> Bool {
        required.allSatisfy { FileManager.default.isExecutableFile(atPath: directory + "/" + $0) }
    }

    /// `root/<version>/bin` for each numeric version directory, highest version first.
    static func versionDirectories(under root: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        let versioned = names.compactMap { name -> (version: [Int], name: String)? in
            let parts = name.split(separator: ".").map { Int($0) }
            guard !parts.isEmpty, !parts.contains(nil) else { return nil }
            return (parts.compactMap { $0 }, name)
        }
        return versioned
            .sorted { $0.version.lexicographicallyPrecedes($1.version) }
            .reversed()
            .map { root + "/" + $0.name + "/bin" }
    }

    /// What `pg_config --bindir` reports, when a `pg_config` is on PATH.
    private static func pgConfigDirectory(path: [String]) -> String? {
        guard let pgConfig = path.map({ $0 + "/pg_config" }).first(where: FileManager.default.isExecutableFile),
              let result = try? ClusterCommand.run(pgConfig, ["--bindir"], in: "/"),
              result.succeeded, !result.output.isEmpty
        else { return nil }
        return result.output
    }
}
