import Foundation

/// One synchronous run of a PostgreSQL tool (or a system helper), output captured for errors.
///
/// Blocking is fine here: the embedded cluster is prepared at start-up, before the loop serves.
struct ClusterCommand {
    /// How a run ended: whether it exited 0, its status, and its stdout and stderr interleaved.
    struct Result: Sendable {
        let succeeded: Bool
        let status: Int32
        let output: String

        /// Throws `commandFailed` naming `what`, with the tool's own output as the explanation.
        func check(_ what: String) throws(EmbeddedClusterError) {
            guard !succeeded else { return }
            throw EmbeddedClusterError(.commandFailed, "\(what) failed (status \(status)): \(output)")
        }
    }

    /// Runs `executable` with `arguments` as `user` in `directory` and waits for it to exit.
    ///
    /// `PG*` variables are removed from the environment: the cluster is addressed only through
    /// explicit arguments, and a stray `PGPORT` or `PGHOST` must not redirect a tool elsewhere.
    /// The working directory is given because the cluster account may not be able to enter the
    /// caller's (root's home, typically).
    static func run(
        _ executable: String, _ arguments: [String], as user: ClusterUser = .current, in directory: String
    ) throws(EmbeddedClusterError) -> Result {
        let (program, fullArguments) = try user.command(executable, arguments)
        let environment = ProcessInfo.processInfo.environment
            .filter { !$0.key.hasPrefix("PG") }
            .map { "\($0.key)=\($0.value)" }
        let child = try SpawnedChild(program: program, arguments: fullArguments,
                                     environment: environment, directory: directory)
        let (status, output) = child.collect()
        let text = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Result(succeeded: status == 0, status: status, output: text)
    }
}
