import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension EmbeddedCluster {
    /// Whether the cluster exists and whether its postmaster is running.
    public enum Status: Sendable, Equatable {
        /// initdb has not run (or not finished) in this data directory.
        case notInitialised
        /// The cluster exists and no postmaster is running for it.
        case stopped
        /// A postmaster with this process id is running for the cluster.
        case running(pid: Int32)

        /// Whether a postmaster is running.
        public var isRunning: Bool {
            if case .running = self { true } else { false }
        }
    }

    /// The cluster's state, read from `pgdata` without running any program.
    ///
    /// `postmaster.pid` outlives a crashed server, so its process must also be alive and, where
    /// /proc says, be a postgres process (the id may have been reused since).
    public func status() -> Status {
        guard layout.isInitialised else { return .notInitialised }
        guard let text = try? String(contentsOfFile: layout.pidFile, encoding: .utf8),
              let line = text.split(separator: "\n").first,
              let pid = Int32(line.trimmingCharacters(in: .whitespaces)), pid > 0,
              kill(pid, 0) == 0 || errno == EPERM
        else { return .stopped }
        if let command = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8),
           !command.hasPrefix("postgres"), !command.hasPrefix("postmaster") {
            return .stopped
        }
        return .running(pid: pid)
    }
}
