import Foundation

/// One `lodestar serve` with its own database and a token per role, shared by the tests of a
/// suite (each test uses its own contact ids), so the suite pays for one start-up.
struct ServerFixture: Sendable {
    let server: ServerProcess
    let database: TestDatabase
    let tokens: [String: String]

    func token(_ role: String) -> String { tokens[role]! }

    static func start(extraEnvironment: [String: String] = [:]) throws -> ServerFixture {
        let database = try TestDatabase.create()
        var tokens: [String: String] = [:]
        for role in ["ingest", "dispatcher", "manager", "admin"] {
            tokens[role] = try LodestarBinary.createToken(role: role, name: "test-\(role)", database: database)
        }
        let server = try ServerProcess(database: database, extraEnvironment: extraEnvironment)
        return ServerFixture(server: server, database: database, tokens: tokens)
    }
}

extension ServerFixture {
    /// `start` on a thread of its own (`offThePool`): what async tests call.
    static func started(extraEnvironment: [String: String] = [:]) async throws -> ServerFixture {
        try await offThePool { try start(extraEnvironment: extraEnvironment) }
    }
}

/// Runs blocking `body` (child processes run to their end, a server polled until ready) on a
/// thread of its own. On Swift's cooperative pool, one thread per core, it would stall every
/// other test's tasks meanwhile: with suites starting servers at once on two cores, tests that
/// time their own steps (a request sent in pieces, a timeout awaited) waited tens of seconds.
func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}

/// Starts a fixture once per process and hands the same one to every caller.
actor FixtureCache {
    static let events = FixtureCache()
    /// A server whose contacts may hold only three events each.
    static let smallContacts = FixtureCache(environment: ["LODESTAR_MAX_EVENTS_PER_CONTACT": "3"])
    private let environment: [String: String]
    private var fixture: Task<ServerFixture, any Error>?

    init(environment: [String: String] = [:]) {
        self.environment = environment.merging(["LODESTAR_TOKEN_CACHE_SECONDS": "0"]) { mine, _ in mine }
    }

    func get() async throws -> ServerFixture {
        if let fixture { return try await fixture.value }
        let task = Task { [environment] in try await ServerFixture.started(extraEnvironment: environment) }
        fixture = task
        return try await task.value
    }
}

/// A unique id for this test run, so ids never collide across tests sharing a database.
func uniqueID(_ prefix: String) -> String { "\(prefix)-\(UUID().uuidString.prefix(8))" }
