import ArgumentParser
import HTTP
import LodestarAPI
import Logging
import Loop
#if canImport(Glibc)
import Glibc
#endif

/// `lodestar serve`: the HTTP API until SIGTERM or SIGINT, then a graceful stop.
struct Serve: LoopCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the HTTP API.")

    @Option(help: "Address to listen on (env LODESTAR_HOST, default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on (env LODESTAR_PORT, default 8080).")
    var port: Int?

    @Option(help: "trace, debug, info, notice, warning, error or critical (env LODESTAR_LOG_LEVEL, default info).")
    var logLevel: String?

    func validate() throws {
        _ = try settings()
    }

    func settings() throws -> ServeSettings {
        let environment = Environment()
        let port = try port ?? environment.integer("LODESTAR_PORT") ?? 8080
        guard (0...65535).contains(port) else { throw ValidationError("port must be 0...65535") }
        let levelName = logLevel ?? environment["LODESTAR_LOG_LEVEL"] ?? "info"
        guard let level = Logger.Level(rawValue: levelName.lowercased()) else {
            throw ValidationError("log level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return ServeSettings(host: host ?? environment["LODESTAR_HOST"] ?? "127.0.0.1", port: port, logLevel: level)
    }

    @LoopActor
    func runOnLoop() async throws {
        let settings = try settings()
        let logger = bootstrapJSONLogging(level: settings.logLevel)
        let application = Application()
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: settings.host, port: settings.port),
            router: application.makeRouter(), logger: logger)
        try server.start()
        logger.info("listening", metadata: ["host": "\(settings.host)", "port": "\(server.port)"])
        let signal = try await ShutdownSignal.wait()
        logger.info("shutting down", metadata: ["signal": "\(signal)"])
        await server.shutdown()
        logger.info("stopped")
    }
}

struct ServeSettings {
    var host: String
    var port: Int
    var logLevel: Logger.Level
}
