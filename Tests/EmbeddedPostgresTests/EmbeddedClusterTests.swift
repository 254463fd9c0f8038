import Foundation
@testable import EmbeddedPostgres
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The embedded cluster against the machine's real PostgreSQL, in short directories under /tmp.
/// Two clusters in all (initdb costs seconds): one lives through the lifecycle test, one is
/// raced into existence by the concurrency test; the other tests start nothing.
@Suite struct EmbeddedClusterTests {
    /// One cluster through its life: initialise and start, reuse, stop, restart with data kept,
    /// and a failed start explained by the log.
    @Test func lifecycleKeepsOneClusterAndItsData() throws {
        try withScratchDirectory { scratch in
            let cluster = EmbeddedCluster(dataDirectory: scratch + "/data")
            #expect(cluster.status() == .notInitialised)

            let connection = try cluster.ensureRunning()
            #expect(connection == "host=\(scratch)/data/run port=5432 dbname=lodestar user=lodestar")
            guard case .running(let pid) = cluster.status() else {
                Issue.record("not running after ensureRunning: \(cluster.status())")
                return
            }
            #expect(try psql(connection, "select 1") == "1")

            // Another process would build its own value, perhaps spelling the path differently.
            let sameCluster = EmbeddedCluster(dataDirectory: scratch + "/./data/")
            #expect(try sameCluster.ensureRunning() == connection)
            #expect(sameCluster.status() == .running(pid: pid))

            _ = try psql(connection, "create table kept (n int); insert into kept values (42)")
            try cluster.stop()
            #expect(cluster.status() == .stopped)
            try cluster.stop()

            let restarted = try cluster.ensureRunning()
            #expect(try psql(restarted, "select n from kept") == "42")
            #expect(cluster.status() != .running(pid: pid))

            try cluster.stop()
            try appendLine("shared_buffers = 'plenty'", to: scratch + "/data/pgdata/postgresql.auto.conf")
            let failure = #expect(throws: EmbeddedClusterError.self) { try cluster.ensureRunning() }
            #expect(failure?.kind == .commandFailed)
            #expect(failure?.description.contains("shared_buffers") == true)
        }
    }

    /// Two `lodestar` processes starting at once on a fresh directory: the lock makes one
    /// initialise and start while the other waits, then finds it running.
    @Test func concurrentStartsOnAFreshDirectoryBothSucceed() throws {
        try withScratchDirectory { scratch in
            let cluster = EmbeddedCluster(dataDirectory: scratch + "/data")
            let outcomes = Mutex<[Result<String, EmbeddedClusterError>]>([])
            let finished = DispatchGroup()
            // Threads, not tasks: ensureRunning blocks, as each process's start-up would.
            for _ in 0..<2 {
                finished.enter()
                Thread.detachNewThread {
                    let outcome = Result { () throws(EmbeddedClusterError) in try cluster.ensureRunning() }
                    outcomes.withLock { $0.append(outcome) }
                    finished.leave()
                }
            }
            finished.wait()
            let connections = try outcomes.withLock { list in try list.map { try $0.get() } }
            #expect(connections == [cluster.connectionString, cluster.connectionString])
            #expect(try psql(cluster.connectionString, "select current_database()") == "lodestar")
        }
    }

    @Test func aMissingDirectoryIsNotInitialisedAndStoppingItDoesNothing() throws {
        let cluster = EmbeddedCluster(dataDirectory: "/tmp/lodestar-never-created-\(getpid())")
        #expect(cluster.status() == .notInitialised)
        try cluster.stop()
        #expect(!FileManager.default.fileExists(atPath: cluster.dataDirectory))
    }

    @Test func theDataDirectoryIsMadeAbsoluteAndStandard() {
        let cwd = FileManager.default.currentDirectoryPath
        #expect(EmbeddedCluster(dataDirectory: "a/../.lodestar/").dataDirectory == cwd + "/.lodestar")
        #expect(EmbeddedCluster(dataDirectory: "/srv/x/").dataDirectory == "/srv/x")
    }

    /// A socket path over the unix limit fails up front, before anything is created.
    @Test func aTooLongSocketPathFailsClearly() {
        let deep = "/tmp/" + String(repeating: "d", count: 100)
        let error = #expect(throws: EmbeddedClusterError.self) {
            try EmbeddedCluster(dataDirectory: deep).ensureRunning()
        }
        #expect(error?.kind == .unsuitableDataDirectory)
        #expect(error?.description.contains("LODESTAR_DATA_DIR") == true)
        #expect(!FileManager.default.fileExists(atPath: deep))
    }

    @Test func anIncompleteBinDirectoryFailsClearly() throws {
        try withScratchDirectory { scratch in
            let error = #expect(throws: EmbeddedClusterError.self) {
                try EmbeddedCluster(dataDirectory: scratch + "/data", binDirectory: scratch).ensureRunning()
            }
            #expect(error?.kind == .binariesNotFound)
        }
    }

    /// Discovery takes the highest version directory that is complete, comparing numerically.
    @Test func discoveryPrefersTheHighestCompleteVersion() throws {
        try withScratchDirectory { root in
            for (version, programs) in [("9.6", ClusterBinaries.required), ("15", ClusterBinaries.required),
                                        ("16", ["psql"]), ("notes", ClusterBinaries.required)] {
                try makeFakePrograms(programs, in: "\(root)/\(version)/bin")
            }
            #expect(ClusterBinaries.versionDirectories(under: root) == ["16", "15", "9.6"].map { "\(root)/\($0)/bin" })
            let found = try ClusterBinaries.locate(explicit: nil, path: [], versionsRoot: root)
            #expect(found.directory == root + "/15/bin")
            let overridden = try ClusterBinaries.locate(explicit: root + "/9.6/bin", path: [], versionsRoot: root)
            #expect(overridden.directory == root + "/9.6/bin")
        }
    }

    @Test func valuesAreQuotedForLibpqAndTheConfigFile() {
        #expect(ClusterLayout.connectionValue("/tmp/plain") == "/tmp/plain")
        #expect(ClusterLayout.connectionValue("/tmp/a b") == "'/tmp/a b'")
        #expect(ClusterLayout.connectionValue(#"it's\"#) == #"'it\'s\\'"#)
        #expect(ClusterSettings.quoted(#"/tmp/it's\x"#) == #"'/tmp/it''s\\x'"#)
    }

    @Test func accountsAreLookedUpByName() {
        #expect(ClusterUser.lookup("root") == .account(name: "root", uid: 0, gid: 0))
        #expect(ClusterUser.lookup("no-such-account-\(getpid())") == nil)
    }

    /// As root the cluster runs as another account, which must be able to reach the directory.
    @Test(.enabled(if: getuid() == 0)) func anUnreachableParentIsNamed() throws {
        try withScratchDirectory { scratch in
            let closed = scratch + "/closed"
            try FileManager.default.createDirectory(atPath: closed, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
            let error = #expect(throws: EmbeddedClusterError.self) {
                try EmbeddedCluster(dataDirectory: closed + "/data").ensureRunning()
            }
            #expect(error?.kind == .directoryNotTraversable)
            #expect(error?.description.contains(closed) == true)
        }
    }
}

/// Runs `body` with a fresh directory under /tmp (short, for the socket path limit), open to
/// the cluster account, then stops any cluster in it and removes it.
private func withScratchDirectory(_ body: (String) throws -> Void) throws {
    var template = Array("/tmp/lse.XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { throw EmbeddedClusterError.fromErrno("mkdtemp") }
    let scratch = String(cString: made)
    chmod(scratch, 0o755)
    defer {
        try? EmbeddedCluster(dataDirectory: scratch + "/data").stop()
        try? FileManager.default.removeItem(atPath: scratch)
    }
    try body(scratch)
}

/// One statement through the cluster's own psql, as the test process; its unaligned output.
@discardableResult
private func psql(_ connection: String, _ sql: String) throws -> String {
    let binaries = try ClusterBinaries.locate(explicit: nil)
    let result = try ClusterCommand.run(binaries.psql,
        ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", connection, "-c", sql], in: "/tmp")
    try result.check("psql")
    return result.output
}

private func appendLine(_ line: String, to path: String) throws {
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    try handle.seekToEnd()
    try handle.write(contentsOf: Data((line + "\n").utf8))
}

private func makeFakePrograms(_ names: [String], in directory: String) throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for name in names {
        _ = FileManager.default.createFile(atPath: directory + "/" + name, contents: Data(),
                                           attributes: [.posixPermissions: 0o755])
    }
}
