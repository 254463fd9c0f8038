import ArgumentParser
import Loop
import PostgresBench

/// What every bench command takes: where the database is and how long to measure.
struct RunOptions: ParsableArguments {
    @Option(help: "libpq connection string (numeric host: libpq resolves names blocking).")
    var conninfo = "host=127.0.0.1 port=55433 user=postgres dbname=postgres"

    @Option(help: "Seconds to measure for.")
    var seconds: Double = 10

    @Option(help: "Seconds to run first, unmeasured (connections, prepared statements, caches).")
    var warmup: Double = 1

    func validate() throws {
        guard seconds > 0, warmup >= 0 else { throw ValidationError("--seconds must be positive and --warmup not negative") }
    }

    /// Runs `driver` for the warm-up, discarding its figures, then for the measured time.
    @LoopActor
    func measure(_ driver: (PostgresBenchmark.Limit) async throws -> PostgresBenchmark.Report) async throws -> PostgresBenchmark.Report {
        if warmup > 0 { _ = try await driver(.duration(.seconds(warmup))) }
        return try await driver(.duration(.seconds(seconds)))
    }
}
