import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with posix_spawn and reaped with waitpid on its own pid.
///
/// Not Foundation's `Process`: in a test process that also runs the libuv loop, its exit
/// notification (a SIGCHLD source) was seen to miss children, leaving `waitUntilExit` hanging.
final class ChildProcess: @unchecked Sendable {
    struct SpawnFailure: Error, CustomStringConvertible {
        var description: String
    }

    let pid: pid_t
    private var exitStatus: Int32??

    /// Starts `executable` with `arguments`; stdin is /dev/null, stdout and stderr go to the
    /// given files (or /dev/null).
    init(_ executable: String, _ arguments: [String], environment: [String: String] = [:], stdout: String? = nil, stderr: String? = nil) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // The test runner's threads block signals; the child must start with none blocked.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))

        let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else { throw SpawnFailure(description: "cannot run \(executable): \(String(cString: strerror(status)))") }
        self.pid = pid
    }

    /// True until the child has exited (and been reaped).
    var isRunning: Bool {
        if exitStatus != nil { return false }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return true }
        record(status)
        return false
    }

    func signal(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// The exit status once the child exited normally, nil if it was killed by a signal or is
    /// still running after `timeout` seconds.
    func waitForExit(timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while isRunning && Date() < deadline { usleep(10_000) }
        return exitStatus ?? nil
    }

    private func record(_ status: Int32) {
        // WIFEXITED / WEXITSTATUS, which Swift cannot import as macros.
        exitStatus = (status & 0x7f) == 0 ? .some((status >> 8) & 0xff) : .some(nil)
    }

    deinit {
        if isRunning {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
    }
}
