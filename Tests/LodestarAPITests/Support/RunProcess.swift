import Foundation

/// Runs a command to completion and collects its output.
enum RunProcess {
    struct Failure: Error, CustomStringConvertible {
        var command: String
        var status: Int32
        var stderr: String
        var description: String { "\(command) exited \(status): \(stderr)" }
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:], timeout: Double = 60) throws -> Result {
        let directory = NSTemporaryDirectory() + "lodestar-run-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let child = try ChildProcess(executable, arguments, environment: environment, stdout: directory + "/out", stderr: directory + "/err")
        let status = child.waitForExit(timeout: timeout) ?? -1
        func read(_ name: String) -> String { (try? String(contentsOfFile: directory + "/" + name, encoding: .utf8)) ?? "" }
        return Result(status: status, stdout: read("out"), stderr: read("err"))
    }
}
