#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on `DATA/.lock`, held around initdb, start and stop.
///
/// Two `lodestar` processes starting at once on a fresh directory would otherwise both run
/// initdb, or both run pg_ctl start. `flock` locks belong to the open file description, so two
/// threads of one process exclude each other too, and the lock dies with a crashed holder.
enum ClusterLock {
    /// Runs `body` while holding the lock on `path`, blocking until it is free.
    static func withLock<T>(
        at path: String, _ body: () throws(EmbeddedClusterError) -> T
    ) throws(EmbeddedClusterError) -> T {
        // O_CLOEXEC matters: the postmaster is a grandchild and must not inherit (and so hold)
        // the lock for its whole life.
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .fromErrno("Could not open the lock file \(path)")
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw .fromErrno("Could not lock \(path)")
            }
        }
        return try body()
    }
}
