import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ClusterUser {
    /// Creates `path` (mode 0700) if missing and, as root, hands it to the cluster account.
    ///
    /// A directory that already belongs to someone else is only taken over when it holds
    /// nothing but `allowedEntries`: a mistyped `LODESTAR_DATA_DIR=/tmp` must not give /tmp away.
    func prepareDirectory(_ path: String, allowedEntries: Set<String>) throws(EmbeddedClusterError) {
        try Self.makeDirectory(path)
        guard case .account(let name, let uid, let gid) = self else { return }
        var info = stat()
        guard stat(path, &info) == 0 else { throw .fromErrno("Could not inspect \(path)") }
        guard UInt32(info.st_uid) != uid else { return }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        guard Set(entries).isSubset(of: allowedEntries) else {
            throw EmbeddedClusterError(.unsuitableDataDirectory,
                "\(path) belongs to another account and holds other files; PostgreSQL runs as "
                + "'\(name)' and needs a directory of its own: point LODESTAR_DATA_DIR at a new one")
        }
        guard chown(path, uid_t(uid), gid_t(gid)) == 0 else {
            throw .fromErrno("Could not give \(path) to the account '\(name)'")
        }
    }

    /// As root, checks that the cluster account can reach `path`, naming the first directory
    /// on the way that it cannot search.
    ///
    /// The check runs as that account (`test -x`), so group membership and ACLs count exactly
    /// as they will when PostgreSQL starts.
    func checkCanTraverse(to path: String) throws(EmbeddedClusterError) {
        guard case .account(let name, _, _) = self else { return }
        var ancestors: [String] = []
        var current = ""
        for component in path.split(separator: "/") {
            current += "/" + component
            ancestors.append(current)
        }
        let script = #"for d do [ -x "$d" ] || { printf '%s' "$d"; exit 1; }; done"#
        let result = try ClusterCommand.run("/bin/sh", ["-c", script, "sh"] + ancestors, as: self, in: "/")
        guard !result.succeeded else { return }
        guard ancestors.contains(result.output) else {
            throw EmbeddedClusterError(.clusterUserUnavailable,
                "Could not run a command as '\(name)': \(result.output)")
        }
        throw EmbeddedClusterError(.directoryNotTraversable,
            "PostgreSQL runs as '\(name)' (it refuses to run as root), which cannot enter "
            + "\(result.output); allow it (chmod o+x \(result.output)) or set LODESTAR_DATA_DIR "
            + "to a directory it can reach, such as /var/lib/lodestar")
    }

    /// `mkdir -p` where only the last directory is private: the parents get the usual mode so
    /// that the cluster account can still pass through them.
    private static func makeDirectory(_ path: String) throws(EmbeddedClusterError) {
        let parent = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw EmbeddedClusterError(.fileSystem, "Could not create \(parent): \(error)")
        }
        guard mkdir(path, 0o700) == 0 || errno == EEXIST else {
            throw .fromErrno("Could not create \(path)")
        }
    }
}
