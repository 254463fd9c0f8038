/// Lodestar's private PostgreSQL cluster, used when `LODESTAR_DATABASE_URL` is not set.
///
/// It reads no settings of its own: the command line turns `LODESTAR_DATA_DIR` and
/// `LODESTAR_PG_BIN` into the values given to `init`. Under the data directory: `pgdata/` (the cluster), `run/` (its unix socket; there is no TCP
/// listener), `postgres.log`, and `.lock`, which serialises initdb, start and stop across
/// `lodestar` processes. The first process to need the cluster initialises and starts it;
/// later ones find it running and connect; `lodestar db stop` stops it.
///
/// As root, the cluster is owned and run by the `postgres` account (or a `lodestar` system
/// account made on first use), since PostgreSQL refuses to run as root. Every call blocks: this
/// runs at start-up, before the server loop serves traffic.
public struct EmbeddedCluster: Sendable {
    /// The absolute data directory.
    public var dataDirectory: String { layout.root }

    /// The directory holding initdb, pg_ctl, postgres and psql; nil finds it (see `ClusterBinaries`).
    public let binDirectory: String?

    let layout: ClusterLayout

    /// A cluster kept in `dataDirectory` (made absolute against the current directory), run
    /// with the programs in `binDirectory`, or found on this machine when it is nil.
    public init(dataDirectory: String, binDirectory: String? = nil) {
        self.layout = ClusterLayout(root: dataDirectory)
        self.binDirectory = binDirectory
    }

    /// The libpq connection string for the `lodestar` database, e.g.
    /// `host=/abs/.lodestar/run port=5432 dbname=lodestar user=lodestar`.
    public var connectionString: String { layout.connectionString() }

    /// Makes the cluster ready and returns its connection string: initialises it on first use,
    /// starts it if it is not running, creates the `lodestar` database if it is missing.
    public func ensureRunning() throws(EmbeddedClusterError) -> String {
        try layout.validate()
        let binaries = try ClusterBinaries.locate(explicit: binDirectory)
        let user = try ClusterUser.resolve()
        try prepareDirectories(for: user)
        try ClusterLock.withLock(at: layout.lockFile) { () throws(EmbeddedClusterError) in
            if !layout.isInitialised { try initialise(binaries, as: user) }
            if !status().isRunning { try start(binaries, as: user) }
            try ensureDatabase(binaries)
        }
        return connectionString
    }

    /// Stops the cluster with a fast shutdown (sessions are ended, nothing committed is lost);
    /// does nothing when it is not running.
    public func stop() throws(EmbeddedClusterError) {
        guard status().isRunning else { return }
        let binaries = try ClusterBinaries.locate(explicit: binDirectory)
        let user = try ClusterUser.resolve()
        try ClusterLock.withLock(at: layout.lockFile) { () throws(EmbeddedClusterError) in
            guard status().isRunning else { return }
            let result = try ClusterCommand.run(binaries.pgCtl,
                ["-D", layout.clusterDirectory, "-m", "fast", "-w", "-t", "60", "stop"], as: user, in: layout.root)
            // Someone else may have stopped it between our look and pg_ctl's: that is success.
            if status().isRunning { try result.check("pg_ctl stop") }
        }
    }

    /// The data directory and the socket directory, created and (as root) handed to the cluster
    /// account, after checking that account can reach them.
    private func prepareDirectories(for user: ClusterUser) throws(EmbeddedClusterError) {
        try user.prepareDirectory(layout.root, allowedEntries: ClusterLayout.ownEntries)
        try user.checkCanTraverse(to: layout.root)
        let socketEntries: Set = [".s.PGSQL.\(ClusterLayout.port)", ".s.PGSQL.\(ClusterLayout.port).lock"]
        try user.prepareDirectory(layout.socketDirectory, allowedEntries: socketEntries)
    }
}
