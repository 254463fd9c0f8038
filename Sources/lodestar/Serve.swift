import ArgumentParser
import HTTP
import LodestarAPI
import LodestarCore
import LodestarStore
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

    /// Every setting is checked before anything starts: a bad one is a usage error (64).
    func validate() throws {
        _ = try httpConfiguration(try settings())
        _ = try apiSettings()
        _ = try etaModel()
        _ = try maxEventsPerContact()
    }

    func settings() throws -> ServeSettings {
        let environment = Environment()
        let port = try port ?? environment.integer("LODESTAR_PORT", atLeast: 0) ?? 8080
        guard (0...65535).contains(port) else { throw ValidationError("port must be 0...65535") }
        let levelName = logLevel ?? environment["LODESTAR_LOG_LEVEL"] ?? "info"
        guard let level = Logger.Level(rawValue: levelName.lowercased()) else {
            throw ValidationError("log level must be one of \(Logger.Level.allCases.map { $0.rawValue }.joined(separator: ", "))")
        }
        return ServeSettings(host: host ?? environment["LODESTAR_HOST"] ?? "127.0.0.1", port: port, logLevel: level)
    }

    @LoopActor
    func runOnLoop() async throws {
        let settings = try settings()
        let logger = bootstrapJSONLogging(level: settings.logLevel)
        guard let migrations = Self.migrationsDirectory(logger: logger) else { throw ExitCode(Self.noMigrationsStatus) }
        let database = Database.open(connectionString: try DatabaseLocation.connectionString(),
                                     maxEventsPerContact: try maxEventsPerContact(),
                                     eta: try etaModel(), logger: logger)
        let application = Application(database: database, settings: try apiSettings(), logger: logger)
        let server = HTTPServer(
            configuration: try httpConfiguration(settings),
            responder: application.makeResponder(), logger: logger)
        // Migrations are tried before listening, so that a process that accepts connections
        // serves `/v1` at once (until the schema is current, `/v1` is 503). A database that
        // cannot be reached, or answers slower than `migrationWaitBeforeListening`, is migrated
        // in the background while the process listens.
        let progress = MigrationProgress()
        let migrating = EventLoop.shared.task {
            await Self.migrateWhenReachable(database, from: migrations, application: application, logger: logger, progress: progress)
        }
        await progress.firstAttempt(waitingAtMost: Self.migrationWaitBeforeListening)
        do {
            try server.start()
        } catch {
            logger.error("cannot listen", metadata: Self.listenFailureMetadata(error, settings: settings))
            migrating.cancel()
            application.stopBackgroundWork()
            database.close()
            throw ExitCode(Self.cannotListenStatus)
        }
        let memoryReturn = MemoryReturn.start()
        logger.info("listening", metadata: ["host": "\(settings.host)", "port": "\(server.port)"])
        let signal = try await ShutdownSignal.wait()
        logger.info("shutting down", metadata: ["signal": "\(signal)"])
        migrating.cancel()
        await server.shutdown()
        application.stopBackgroundWork()
        memoryReturn.close()
        database.close()
        logger.info("stopped")
    }

    /// Applies migrations, retrying while the database cannot be reached: the server serves
    /// (with `/readyz` at 503) meanwhile rather than refusing to start during an outage.
    @LoopActor
    static func migrateWhenReachable(_ database: Database, from directory: String, application: Application, logger: Logger,
                                     progress: MigrationProgress) async {
        var delay = Duration.milliseconds(200)
        defer { progress.attempted() }
        while !Task.isCancelled {
            do {
                let applied = try await database.migrate(directory: directory)
                if !applied.isEmpty { logger.info("migrated", metadata: ["applied": "\(applied.joined(separator: ","))"]) }
                // Shutdown began while migrating: background work started now would outlive it.
                guard !Task.isCancelled else { return }
                application.markMigrated()
                application.startBackgroundWork()
                return
            } catch where isDatabaseUnavailable(error) {
                logger.warning("database unreachable; will retry migrations", metadata: ["retry_in": "\(delay)"])
                progress.attempted()
            } catch {
                logger.critical("migrations failed", metadata: ["error": "\(error)"])
                return
            }
            try? await sleep(for: delay)
            delay = min(delay * 2, .seconds(5))
        }
    }
}

extension Serve {
    /// HTTP limits from the environment (SPEC §2: configurable): `LODESTAR_MAX_HEAD_BYTES`
    /// (16384, else 431), `LODESTAR_MAX_BODY_BYTES` (1048576, else 413),
    /// `LODESTAR_REQUEST_TIMEOUT_SECONDS` (10, else 408; a connection's first request counts
    /// from the accept), `LODESTAR_IDLE_TIMEOUT_SECONDS` (60), `LODESTAR_WRITE_TIMEOUT_SECONDS`
    /// (60: a client that stops reading is cut off), `LODESTAR_MAX_CONNECTIONS` (4096; at the
    /// limit the longest-idle connection is closed to admit a new one).
    func httpConfiguration(_ settings: ServeSettings) throws -> HTTPServerConfiguration {
        let environment = Environment()
        var configuration = HTTPServerConfiguration(host: settings.host, port: settings.port)
        configuration.limits.maxHeadBytes = try environment.integer("LODESTAR_MAX_HEAD_BYTES") ?? configuration.limits.maxHeadBytes
        configuration.limits.maxBodyBytes = try environment.integer("LODESTAR_MAX_BODY_BYTES") ?? configuration.limits.maxBodyBytes
        configuration.requestTimeout = .seconds(try environment.integer("LODESTAR_REQUEST_TIMEOUT_SECONDS") ?? 10)
        configuration.idleTimeout = .seconds(try environment.integer("LODESTAR_IDLE_TIMEOUT_SECONDS") ?? 60)
        configuration.writeTimeout = .seconds(try environment.integer("LODESTAR_WRITE_TIMEOUT_SECONDS") ?? 60)
        configuration.maxConnections = try environment.integer("LODESTAR_MAX_CONNECTIONS") ?? configuration.maxConnections
        return configuration
    }

    /// `LODESTAR_MAX_EVENTS_PER_CONTACT` (10000): a post that would take a contact beyond it is refused.
    func maxEventsPerContact() throws -> Int {
        try Environment().integer("LODESTAR_MAX_EVENTS_PER_CONTACT") ?? 10_000
    }

    /// API limits from the environment: `LODESTAR_MAX_EVENTS_PER_BATCH` (1000),
    /// `LODESTAR_TOKEN_CACHE_SECONDS` (5: a revocation that went unheard holds within it),
    /// `LODESTAR_STREAM_HEARTBEAT_SECONDS` (15), and the
    /// follow-up settings (`followUpSettings`).
    func apiSettings() throws -> APISettings {
        let environment = Environment()
        var settings = APISettings(
            maxEventsPerBatch: try environment.integer("LODESTAR_MAX_EVENTS_PER_BATCH") ?? 1000,
            tokenCacheTTL: .seconds(try environment.integer("LODESTAR_TOKEN_CACHE_SECONDS", atLeast: 0) ?? 5),
            streamHeartbeat: .seconds(try environment.integer("LODESTAR_STREAM_HEARTBEAT_SECONDS") ?? 15))
        settings.followUp = try followUpSettings()
        settings.answerTargetSeconds = Double(try environment.integer("LODESTAR_ANSWER_TARGET_SECONDS", atLeast: 0) ?? 20)
        settings.signals = try signalSettings()
        return settings
    }
}

extension Serve {
    /// How team ETAs are estimated: `LODESTAR_ETA_ROAD_FACTOR` (1.3, road kilometres per
    /// great-circle kilometre), `LODESTAR_ETA_SPEED_KMH` (60) and
    /// `LODESTAR_ETA_MOBILISATION_MINUTES` (5, from being told to driving).
    func etaModel() throws -> ETAModel {
        let environment = Environment()
        let roadFactor = try environment.number("LODESTAR_ETA_ROAD_FACTOR") ?? 1.3
        let speed = try environment.number("LODESTAR_ETA_SPEED_KMH") ?? 60
        let mobilisation = try environment.number("LODESTAR_ETA_MOBILISATION_MINUTES") ?? 5
        guard roadFactor > 0 else { throw ValidationError("LODESTAR_ETA_ROAD_FACTOR must be greater than 0") }
        guard speed > 0 else { throw ValidationError("LODESTAR_ETA_SPEED_KMH must be greater than 0") }
        guard mobilisation >= 0 else { throw ValidationError("LODESTAR_ETA_MOBILISATION_MINUTES must not be negative") }
        return ETAModel(roadFactor: roadFactor, speedKmh: speed, mobilisationMinutes: mobilisation)
    }
}

struct ServeSettings {
    var host: String
    var port: Int
    var logLevel: Logger.Level
}
