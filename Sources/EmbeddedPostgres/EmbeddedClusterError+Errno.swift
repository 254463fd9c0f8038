#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension EmbeddedClusterError {
    /// A `fileSystem` error for a failed system call, explained by the current `errno`.
    static func fromErrno(_ what: String) -> EmbeddedClusterError {
        EmbeddedClusterError(.fileSystem, "\(what): \(String(cString: strerror(errno)))")
    }
}
