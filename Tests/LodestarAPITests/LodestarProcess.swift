import Foundation
import JSON
import Synchronization

/// The real `lodestar` binary running as a child process, with its stderr collected line by line.
final class LodestarProcess: Sendable {
    private let process: Process
    private let lines = Mutex<[String]>([])
    private let partial = Mutex<[UInt8]>([])

    /// The binary under test: `LODESTAR_BINARY` (set by ops/test), else the debug build of the
    /// package this file belongs to.
    static var binaryPath: String {
        if let path = ProcessInfo.processInfo.environment["LODESTAR_BINARY"], !path.isEmpty { return path }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.appendingPathComponent(".build/debug/lodestar").path
    }

    /// Starts `lodestar` with `arguments`.
    init(_ arguments: [String]) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binaryPath)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
            self?.received(Array(handle.availableData))
        }
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    private func received(_ bytes: [UInt8]) {
        let complete: [String] = partial.withLock { buffer in
            buffer += bytes
            guard let end = buffer.lastIndex(of: 10) else { return [] }
            let text = String(decoding: buffer[..<end], as: UTF8.self)
            buffer.removeSubrange(...end)
            return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        lines.withLock { $0 += complete }
    }

    /// Every complete stderr line so far.
    var stderrLines: [String] { lines.withLock { $0 } }

    /// The first stderr line that is a JSON object with `msg` equal to `message`, waiting up to
    /// `timeout` for it.
    func logLine(message: String, timeout: Duration = .seconds(20)) async -> JSONObject? {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        repeat {
            for line in stderrLines {
                if let object = (try? JSON.parse(line))?.objectValue, object["msg"]?.stringValue == message {
                    return object
                }
            }
            try? await Task.sleep(for: .milliseconds(20))
        } while clock.now < deadline
        return nil
    }

    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Waits for the process to exit; its status, or nil if it is still running after `timeout`.
    func exitStatus(timeout: Duration = .seconds(10)) async -> (status: Int32, reason: Process.TerminationReason)? {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while process.isRunning, clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        return process.isRunning ? nil : (process.terminationStatus, process.terminationReason)
    }
}
