import Foundation

/// A private PostgreSQL cluster in a temporary directory, for tests that kill the server.
///
/// As root the server runs as the `postgres` user (PostgreSQL refuses root), through runuser.
final class ScratchCluster: Sendable {
    let directory: String
    let port: Int
    private static let binaries = "/usr/lib/postgresql/15/bin"

    var conninfo: String { "host=127.0.0.1 port=\(port) user=postgres dbname=postgres" }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-pg-\(UUID().uuidString)").path
        port = try Self.freePort()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if getuid() == 0 { try Self.run("/bin/chown", ["postgres", directory], asOwner: false) }
        try Self.run("\(Self.binaries)/initdb", ["-D", "\(directory)/data", "-U", "postgres", "--auth=trust", "-N", "--encoding=UTF8", "--locale=C.UTF-8"])
    }

    func start() throws {
        let options = "-p \(port) -k \(directory) -c listen_addresses=127.0.0.1 -c fsync=off"
        try Self.run("\(Self.binaries)/pg_ctl", ["-D", "\(directory)/data", "-o", options, "-l", "\(directory)/log", "-w", "-t", "30", "start"])
    }

    /// Kills the server the way a crash would: no shutdown checkpoint, connections cut.
    func kill() throws {
        try Self.run("\(Self.binaries)/pg_ctl", ["-D", "\(directory)/data", "-m", "immediate", "-w", "stop"])
    }

    func destroy() {
        try? kill()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs a tool to completion (posix_spawn + waitpid: simple and signal-safe).
    private static func run(_ tool: String, _ arguments: [String], asOwner: Bool = true) throws {
        let argv = asOwner && getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--", tool] + arguments : [tool] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ) == 0 else {
            throw ClusterError(message: "cannot start \(tool)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else {
            throw ClusterError(message: "\((tool as NSString).lastPathComponent) failed with status \(status)")
        }
    }

    /// A port the kernel just handed out, so nothing else is listening there.
    private static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(descriptor, raw, length) == 0 && getsockname(descriptor, raw, &length) == 0
            }
        }
        guard bound else { throw ClusterError(message: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    struct ClusterError: Error { let message: String }
}
