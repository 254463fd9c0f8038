import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The OS account that owns and runs the cluster: PostgreSQL refuses to run as root.
enum ClusterUser: Sendable, Equatable {
    /// Not root: the cluster belongs to whoever runs `lodestar`, and tools run directly.
    case current
    /// Running as root: an unprivileged account, switched to with `runuser` for each tool.
    case account(name: String, uid: UInt32, gid: UInt32)

    /// The account made on first use when the machine has no `postgres` account.
    static let fallbackName = "lodestar"

    /// Picks the account that runs the cluster for this process.
    ///
    /// As root: `postgres` when it exists (Debian's server package creates it, so our files look
    /// like any other cluster's to an administrator), else a `lodestar` system account, created
    /// once with `useradd --system --no-create-home` (no home, no login shell: it only owns files).
    static func resolve() throws(EmbeddedClusterError) -> ClusterUser {
        guard getuid() == 0 else { return .current }
        if let found = lookup("postgres") ?? lookup(fallbackName) { return found }
        guard let useradd = systemTool("useradd") else {
            throw EmbeddedClusterError(.clusterUserUnavailable,
                "PostgreSQL cannot run as root and there is no 'postgres' account; create one "
                + "(apt-get install postgresql) or a system account named '\(fallbackName)'")
        }
        let result = try ClusterCommand.run(useradd, [
            "--system", "--no-create-home", "--user-group", "--shell", "/usr/sbin/nologin",
            "--comment", "Lodestar embedded PostgreSQL", fallbackName,
        ], in: "/")
        // Another lodestar process may have created the account meanwhile; the lookup decides.
        if let made = lookup(fallbackName) { return made }
        throw EmbeddedClusterError(.clusterUserUnavailable,
            "Could not create the system account '\(fallbackName)' to run PostgreSQL (it refuses "
            + "to run as root): \(result.output)")
    }

    /// The account called `name`, if the system has one.
    static func lookup(_ name: String) -> ClusterUser? {
        var entry = passwd()
        var found: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        let status = getpwnam_r(name, &entry, &buffer, buffer.count, &found)
        guard status == 0, found != nil else { return nil }
        return .account(name: name, uid: UInt32(entry.pw_uid), gid: UInt32(entry.pw_gid))
    }

    /// The program and arguments that run `executable` with `arguments` as this account.
    func command(_ executable: String, _ arguments: [String]) throws(EmbeddedClusterError) -> (String, [String]) {
        guard case .account(let name, _, _) = self else { return (executable, arguments) }
        guard let runuser = Self.systemTool("runuser") else {
            throw EmbeddedClusterError(.clusterUserUnavailable,
                "runuser (util-linux) not found; it is needed to run PostgreSQL as '\(name)' "
                + "because PostgreSQL refuses to run as root")
        }
        return (runuser, ["-u", name, "--", executable] + arguments)
    }

    /// The path of an administrative tool, looked up where Debian installs them (root's PATH
    /// may lack the sbin directories, e.g. under `su` without `-`).
    static func systemTool(_ name: String) -> String? {
        ["/usr/sbin", "/sbin", "/usr/bin", "/bin"]
            .map { $0 + "/" + name }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
