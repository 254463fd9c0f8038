#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The two glibc functions `SpawnedChild` needs that Swift's Glibc module hides (they are
/// declared only under `_GNU_SOURCE`), found at run time in the already-loaded C library.
enum GlibcExtensions {
    /// `pipe2(fds, flags)`: a pipe created close-on-exec atomically.
    static func pipe2(_ ends: UnsafeMutablePointer<Int32>, _ flags: Int32) throws(EmbeddedClusterError) -> Int32 {
        typealias Function = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
        return try symbol("pipe2", as: Function.self)(ends, flags)
    }

    /// `posix_spawn_file_actions_addchdir_np(actions, path)` (glibc 2.29): the child changes
    /// directory before exec, without touching the parent's process-wide working directory.
    static func addChdir(
        _ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: String
    ) throws(EmbeddedClusterError) -> Int32 {
        typealias Function = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
        return try symbol("posix_spawn_file_actions_addchdir_np", as: Function.self)(actions, path)
    }

    private static func symbol<F>(_ name: String, as type: F.Type) throws(EmbeddedClusterError) -> F {
        // dlopen(NULL) is the program itself, whose lookups reach the C library it links.
        guard let program = dlopen(nil, RTLD_NOW), let address = dlsym(program, name) else {
            throw EmbeddedClusterError(.commandFailed,
                "The C library lacks \(name) (glibc 2.29 or later is needed to run PostgreSQL's tools)")
        }
        return unsafeBitCast(address, to: type)
    }
}
