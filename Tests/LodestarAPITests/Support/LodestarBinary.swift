import Foundation

/// Where the `lodestar` binary under test is: `LODESTAR_BINARY` (set by ops/test), else the
/// debug build of this checkout.
enum LodestarBinary {
    static var path: String {
        if let path = ProcessInfo.processInfo.environment["LODESTAR_BINARY"] { return path }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/lodestar").path
    }

    /// Runs a `lodestar` subcommand against `database` and returns its standard output.
    static func run(_ arguments: [String], database: TestDatabase) throws -> RunProcess.Result {
        try RunProcess.run(path, arguments, environment: ["LODESTAR_DATABASE_URL": database.connectionString])
    }

    /// `lodestar token create` for a fresh token of `role`.
    static func createToken(role: String, name: String, database: TestDatabase, extraArguments: [String] = []) throws -> String {
        let result = try run(["token", "create", "--role", role, "--name", name] + extraArguments, database: database)
        guard result.status == 0 else { throw RunProcess.Failure(command: "token create", status: result.status, stderr: result.stderr) }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
