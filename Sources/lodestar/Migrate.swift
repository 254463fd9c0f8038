import ArgumentParser
import LodestarStore
import Logging
import Loop

/// `lodestar migrate`: applies pending `sql/` migrations (serve does this on start too).
struct Migrate: LoopCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations.")

    @LoopActor
    func runOnLoop() async throws {
        _ = bootstrapJSONLogging(level: .info)
        let database = Database.open(connectionString: try DatabaseLocation.connectionString())
        let applied = try await database.migrate(directory: DatabaseLocation.migrationsDirectory())
        database.close()
        print(applied.isEmpty ? "migrations: up to date" : "migrations: applied \(applied.joined(separator: ", "))")
    }
}
