import Foundation
import JSON
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `lodestar serve` process on a free port, against a test database.
final class ServerProcess: @unchecked Sendable {
    struct StartFailure: Error, CustomStringConvertible { var description: String }

    let process: ChildProcess
    let port: Int
    let stderrPath: String

    /// Starts the server and waits until it logs the port it listens on.
    init(database: TestDatabase, extraEnvironment: [String: String] = [:]) throws {
        stderrPath = NSTemporaryDirectory() + "lodestar-serve-\(UUID().uuidString).log"
        process = try ChildProcess(
            LodestarBinary.path, ["serve", "--port", "0"],
            environment: ["LODESTAR_DATABASE_URL": database.connectionString, "LODESTAR_LOG_LEVEL": "info"].merging(extraEnvironment) { $1 },
            stderr: stderrPath)
        var port: Int?
        for _ in 0..<300 where port == nil {
            port = Self.listeningPort(in: stderrPath)
            if port == nil {
                guard process.isRunning else { throw StartFailure(description: "lodestar serve exited: \(Self.read(stderrPath))") }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        guard let port else { process.signal(SIGKILL); throw StartFailure(description: "lodestar serve did not start: \(Self.read(stderrPath))") }
        self.port = port
    }

    /// Lines the server wrote to stderr so far.
    var logLines: [String] { Self.read(stderrPath).split(separator: "\n").map(String.init) }

    private static func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    private static func listeningPort(in path: String) -> Int? {
        for line in read(path).split(separator: "\n") {
            guard let json = try? JSON.parse(Array(line.utf8)), json["msg"]?.stringValue == "listening" else { continue }
            return json["port"]?.stringValue.flatMap { Int($0) }
        }
        return nil
    }

    /// Sends SIGTERM and waits for the exit status.
    func stop() -> Int32 {
        signal(SIGTERM)
        return waitForExit(timeout: 10) ?? -1
    }

    /// Sends `signal` to the server.
    func signal(_ signal: Int32) { process.signal(signal) }

    /// The exit status once the server has exited normally, or nil if it is still running after
    /// `timeout` seconds or was killed by a signal.
    func waitForExit(timeout: Double) -> Int32? { process.waitForExit(timeout: timeout) }

    deinit {
        try? FileManager.default.removeItem(atPath: stderrPath)
    }
}
