import Foundation

extension EmbeddedCluster {
    /// Runs initdb: bootstrap superuser `lodestar`, UTF-8, C collation, `trust` on the local
    /// socket only and `reject` over TCP.
    ///
    /// `trust` because peer authentication cannot work across the root/`postgres` split (root
    /// connects, `postgres` runs the server); it is safe because the socket directory is private
    /// and there is no TCP listener (see `ClusterSettings`). `reject` on TCP keeps it so should
    /// someone enable `listen_addresses` later. C collation sorts by bytes: predictable and fast.
    func initialise(_ binaries: ClusterBinaries, as user: ClusterUser) throws(EmbeddedClusterError) {
        let result = try ClusterCommand.run(binaries.initdb, [
            "-D", layout.clusterDirectory, "-U", ClusterLayout.roleName,
            "--auth-local=trust", "--auth-host=reject", "--encoding=UTF8", "--locale=C",
        ], as: user, in: layout.root)
        try result.check("initdb in \(layout.clusterDirectory)")
    }

    /// Writes our settings and starts the postmaster, waiting (up to 60 s) until it accepts
    /// connections; a failure carries the end of `postgres.log`, which says why.
    func start(_ binaries: ClusterBinaries, as user: ClusterUser) throws(EmbeddedClusterError) {
        try ClusterSettings.install(in: layout, for: user)
        let result = try ClusterCommand.run(binaries.pgCtl, [
            "-D", layout.clusterDirectory, "-l", layout.logFile, "-w", "-t", "60", "start",
        ], as: user, in: layout.root)
        guard result.succeeded else {
            throw EmbeddedClusterError(.commandFailed,
                "PostgreSQL did not start.\n\(result.output)\nLast lines of \(layout.logFile):\n\(layout.logTail())")
        }
    }

    /// Creates the `lodestar` database unless it exists. psql runs as the calling user, over the
    /// same connection string the caller will use, so this also proves that string works.
    func ensureDatabase(_ binaries: ClusterBinaries) throws(EmbeddedClusterError) {
        let admin = layout.connectionString(database: "postgres")
        let name = ClusterLayout.databaseName
        let lookup = try psql(binaries, admin, "select 1 from pg_database where datname = '\(name)'")
        try lookup.check("Connecting to the embedded cluster")
        guard lookup.output != "1" else { return }
        let create = try psql(binaries, admin, "create database \(name) owner \(ClusterLayout.roleName)")
        try create.check("Creating the database \(name)")
    }

    /// One statement through psql: no psqlrc, unaligned tuples only, stop on error.
    private func psql(_ binaries: ClusterBinaries, _ connection: String, _ sql: String) throws(EmbeddedClusterError) -> ClusterCommand.Result {
        try ClusterCommand.run(binaries.psql,
            ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", connection, "-c", sql], in: layout.root)
    }
}
