import ArgumentParser
import LodestarCore
import LodestarStore
import Logging
import Loop

/// `lodestar token create|revoke`: API tokens (SPEC §8).
struct Token: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create or revoke API tokens.", subcommands: [Create.self, Revoke.self])

    /// Prints the new token alone on one line of standard output, once; only its hash is kept.
    struct Create: LoopCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token and print it once.")

        @Option(help: "ingest, dispatcher, manager or admin.")
        var role: String

        @Option(help: "A unique name: the token's identity in the audit log, and the source it posts events for.")
        var name: String

        @Option(help: "Another source this token may post events for (repeatable).")
        var source: [String] = []

        func validate() throws {
            guard Role(rawValue: role) != nil else { throw ValidationError("role must be one of \(Role.choicesText)") }
            for text in [name] + source where !Identifier.isValid(text) {
                throw ValidationError("names and sources must be 1 to 200 characters without control characters")
            }
        }

        @LoopActor
        func runOnLoop() async throws {
            let database = try await openMigrated()
            let token = try await database.tokens.create(name: name, role: Role(rawValue: role)!, sources: source)
            database.close()
            print(token)
        }
    }

    struct Revoke: LoopCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke the live token with this name.")

        @Argument(help: "The token's name.")
        var name: String

        @LoopActor
        func runOnLoop() async throws {
            let database = try await openMigrated()
            let revoked = try await database.tokens.revoke(name: name)
            database.close()
            guard revoked else { throw ValidationError("no live token is named \(name)") }
            print("revoked \(name)")
        }
    }
}

/// Opens the database and brings its schema up to date, as every command that needs it does.
@LoopActor
func openMigrated() async throws -> Database {
    _ = bootstrapJSONLogging(level: .warning)
    let database = Database.open(connectionString: try DatabaseLocation.connectionString())
    _ = try await database.migrate(directory: DatabaseLocation.migrationsDirectory())
    return database
}
