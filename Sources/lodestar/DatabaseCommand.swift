import ArgumentParser
import EmbeddedPostgres

/// `lodestar db start|stop|status`: the embedded PostgreSQL cluster under `LODESTAR_DATA_DIR`.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Manage the embedded PostgreSQL cluster.",
        subcommands: [Start.self, Stop.self, Status.self])

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start the embedded cluster (initialising it on first use).")
        func run() throws {
            print(try DatabaseLocation.embeddedCluster().ensureRunning())
        }
    }

    struct Stop: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the embedded cluster.")
        func run() throws {
            try DatabaseLocation.embeddedCluster().stop()
            print("stopped")
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tell whether the embedded cluster runs.")
        func run() throws {
            switch DatabaseLocation.embeddedCluster().status() {
            case .running(let pid): print("running (pid \(pid))")
            case .stopped: print("stopped")
            case .notInitialised: print("not initialised")
            }
        }
    }
}
