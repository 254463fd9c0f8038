/// Why the embedded PostgreSQL cluster could not be prepared, started or stopped.
///
/// Each message says what to do next. None carries caller data: only paths, OS account names,
/// tool output and PostgreSQL's own log lines.
public struct EmbeddedClusterError: Error, Sendable, CustomStringConvertible {
    /// The broad cause, for callers that react differently (exit codes, hints) and for tests.
    public enum Kind: Sendable, Equatable {
        /// initdb, pg_ctl, postgres or psql could not be found.
        case binariesNotFound
        /// The data directory cannot host a cluster (path too long, foreign contents, ...).
        case unsuitableDataDirectory
        /// A parent of the data directory is closed to the account that runs the cluster.
        case directoryNotTraversable
        /// Running as root, no unprivileged account could be found, made or switched to.
        case clusterUserUnavailable
        /// A file or directory operation failed.
        case fileSystem
        /// A PostgreSQL tool ran and failed (initdb, pg_ctl, psql).
        case commandFailed
    }

    public let kind: Kind
    public let description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}
