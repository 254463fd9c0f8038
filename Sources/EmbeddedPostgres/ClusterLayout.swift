import Foundation

/// The paths Lodestar keeps under `LODESTAR_DATA_DIR`: `pgdata/`, `run/`, `postgres.log`, `.lock`.
struct ClusterLayout: Sendable, Equatable {
    /// The port only names the socket file (`.s.PGSQL.5432`): there is no TCP listener, and each
    /// cluster has its own socket directory, so every cluster can use the default.
    static let port = 5432

    /// `sun_path` holds 108 bytes including the terminating NUL; PostgreSQL enforces the same.
    static let maximumSocketPathBytes = 107

    /// What Lodestar itself creates directly under the data directory.
    static let ownEntries: Set<String> = ["pgdata", "run", "postgres.log", ".lock"]

    /// The absolute, standardised data directory.
    let root: String

    init(root: String) {
        self.root = Self.absolute(root)
    }

    var clusterDirectory: String { root + "/pgdata" }
    var socketDirectory: String { root + "/run" }
    var socketFile: String { socketDirectory + "/.s.PGSQL.\(Self.port)" }
    var logFile: String { root + "/postgres.log" }
    var lockFile: String { root + "/.lock" }
    var versionFile: String { clusterDirectory + "/PG_VERSION" }
    var pidFile: String { clusterDirectory + "/postmaster.pid" }
    var mainConfigFile: String { clusterDirectory + "/postgresql.conf" }

    /// A cluster exists once initdb has written `PG_VERSION`.
    var isInitialised: Bool { FileManager.default.fileExists(atPath: versionFile) }

    /// Rejects a data directory whose socket path would not fit, or whose name would need
    /// escaping that the config file and connection string cannot express safely.
    ///
    /// A too-long path fails rather than falling back to a socket under /tmp: a fixed name
    /// there could be pre-created by another local user, and a clear message is easy to act on.
    func validate() throws(EmbeddedClusterError) {
        if root.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw EmbeddedClusterError(.unsuitableDataDirectory,
                "The data directory path contains control characters; set LODESTAR_DATA_DIR to a plain path")
        }
        let bytes = socketFile.utf8.count
        if bytes > Self.maximumSocketPathBytes {
            throw EmbeddedClusterError(.unsuitableDataDirectory,
                "The PostgreSQL socket path \(socketFile) is \(bytes) bytes, over the \(Self.maximumSocketPathBytes)-byte limit "
                + "for unix sockets; set LODESTAR_DATA_DIR to a shorter path")
        }
    }

    /// Makes `path` absolute against the current directory and removes `.`/`..` and trailing
    /// slashes, so the socket path and the lock file name one place whatever the spelling.
    static func absolute(_ path: String) -> String {
        let anchored = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: anchored).standardizedFileURL.path
    }
}
