import Foundation

extension ClusterLayout {
    /// The role initdb makes the bootstrap superuser, and the database Lodestar uses.
    static let roleName = "lodestar"
    static let databaseName = "lodestar"

    /// A libpq connection string for `database` over this cluster's unix socket.
    ///
    /// The port is explicit so that a `PGPORT` in the caller's environment cannot point libpq
    /// at a socket file other than ours.
    func connectionString(database: String = Self.databaseName) -> String {
        [
            ("host", socketDirectory), ("port", String(Self.port)),
            ("dbname", database), ("user", Self.roleName),
        ]
        .map { "\($0.0)=\(Self.connectionValue($0.1))" }
        .joined(separator: " ")
    }

    /// A value as libpq's `key=value` syntax needs it: single-quoted, with `\` and `'`
    /// backslash-escaped, when it is empty or holds spaces, quotes or backslashes.
    static func connectionValue(_ value: String) -> String {
        let plain = !value.isEmpty && !value.contains { $0 == " " || $0 == "'" || $0 == "\\" || $0.isWhitespace }
        guard !plain else { return value }
        return "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
