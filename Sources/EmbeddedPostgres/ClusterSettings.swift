import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The settings file Lodestar manages inside the cluster, `pgdata/lodestar.conf`.
///
/// It is rewritten on every start, so a new Lodestar version's settings apply to old clusters;
/// `postgresql.conf` only gains one include line. Durability settings (fsync,
/// synchronous_commit, full_page_writes) are not touched: PostgreSQL's safe defaults stand.
enum ClusterSettings {
    static let fileName = "lodestar.conf"

    /// `include_if_exists`, so that deleting our file never stops the cluster from starting.
    static let includeLine = "include_if_exists = '\(fileName)'"

    /// The file's contents for a cluster whose socket lives in `socketDirectory`.
    ///
    /// Security: with no TCP listener the only way in is the unix socket, inside a 0700
    /// directory owned by the cluster account, so only that account and root can connect;
    /// that is why initdb's `trust` for local connections is acceptable.
    static func text(socketDirectory: String) -> String {
        """
        # Managed by Lodestar and rewritten on every start: edits here are lost.
        # Put local changes in postgresql.auto.conf (ALTER SYSTEM), which is read after this file.
        listen_addresses = ''
        port = \(ClusterLayout.port)
        unix_socket_directories = \(quoted(socketDirectory))
        unix_socket_permissions = 0700
        max_connections = 100
        shared_buffers = 128MB

        """
    }

    /// Writes the settings file and makes sure `postgresql.conf` includes it.
    static func install(in layout: ClusterLayout, for user: ClusterUser) throws(EmbeddedClusterError) {
        let path = layout.clusterDirectory + "/" + fileName
        do {
            try Data(text(socketDirectory: layout.socketDirectory).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            let main = try String(contentsOfFile: layout.mainConfigFile, encoding: .utf8)
            if !main.split(separator: "\n").contains(where: { $0 == includeLine }) {
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: layout.mainConfigFile))
                defer { try? handle.close() }
                try handle.seekToEnd()
                try handle.write(contentsOf: Data("\n# Lodestar's settings (see that file).\n\(includeLine)\n".utf8))
            }
        } catch {
            throw EmbeddedClusterError(.fileSystem, "Could not write the cluster settings in \(layout.clusterDirectory): \(error)")
        }
        // Written by root, the file must still be readable by the account PostgreSQL runs as.
        if case .account(let name, let uid, let gid) = user, chown(path, uid_t(uid), gid_t(gid)) != 0 {
            throw .fromErrno("Could not give \(path) to the account '\(name)'")
        }
    }

    /// A postgresql.conf string literal: quotes doubled, backslashes escaped.
    static func quoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
    }
}
