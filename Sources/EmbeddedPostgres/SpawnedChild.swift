#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process started with `posix_spawn`, its stdout and stderr on one pipe to us.
///
/// Foundation's `Process` is not used: on this machine its `waitUntilExit` hung beside a
/// zombie child under the test runner. It learns of exits from a SIGCHLD dispatch source, and
/// a thread that does not block SIGCHLD (the runner's main thread here, the loop thread in
/// `lodestar`) can take the signal first. Waiting for our own pid with `waitpid` cannot miss.
struct SpawnedChild {
    let pid: pid_t
    /// Our end of the output pipe.
    private let output: Int32

    /// Starts `program` with stdin from /dev/null, in `directory`, with default signal handling.
    init(program: String, arguments: [String], environment: [String], directory: String) throws(EmbeddedClusterError) {
        var ends: [Int32] = [-1, -1]
        // O_CLOEXEC from the start, so a child spawned by another thread at the same moment
        // (and the postmaster after it) cannot inherit our write end and keep the pipe open.
        guard try GlibcExtensions.pipe2(&ends, O_CLOEXEC) == 0 else {
            throw .fromErrno("Could not create a pipe for \(program)")
        }
        var started = false
        defer {
            close(ends[1])
            if !started { close(ends[0]) }
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 2)
        try Self.check(GlibcExtensions.addChdir(&actions, directory), "Could not run \(program) in \(directory)")

        // The calling thread may be a worker with most signals blocked; pg_ctl and the
        // postmaster it leaves behind must start with an empty mask and default handlers.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid: pid_t = 0
        let status = Self.withCStrings([program] + arguments) { argv in
            Self.withCStrings(environment) { envp in
                posix_spawn(&pid, program, &actions, &attributes, argv, envp)
            }
        }
        try Self.check(status, "Could not run \(program)")
        started = true
        self.pid = pid
        self.output = ends[0]
    }

    /// Reads the output to its end, then reaps the child: its exit status (-1 when a signal
    /// ended it) and everything it wrote. Reading first keeps a chatty child from blocking.
    func collect() -> (status: Int32, output: [UInt8]) {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(output, &chunk, chunk.count)
            if count > 0 {
                bytes += chunk[0..<count]
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        close(output)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        // The W* macros are not imported: low 7 bits are the terminating signal, 0 for an exit.
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : -1, bytes)
    }

    /// Throws for a nonzero error number, as the posix_spawn family returns them (not in errno).
    private static func check(_ error: Int32, _ what: String) throws(EmbeddedClusterError) {
        guard error != 0 else { return }
        throw EmbeddedClusterError(.commandFailed, "\(what): \(String(cString: strerror(error)))")
    }

    /// Calls `body` with a NULL-terminated C array of `strings`, freed afterwards.
    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }
}
