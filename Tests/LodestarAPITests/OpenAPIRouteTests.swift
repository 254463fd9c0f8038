import JSON
import LodestarAPI
import LodestarStore
import Logging
import Loop
import Testing

/// `GET /openapi.json` describes exactly the routes the application serves (SPEC §2: kept true
/// by a test).
@Suite struct OpenAPIRouteTests {
    init() { EventLoop.startInBackground() }

    @Test @LoopActor func theDocumentNamesEveryRouteAndNoOther() async throws {
        let fixture = try await FixtureCache.events.get()
        let response = try await fixture.server.request("GET", "/openapi.json")
        #expect(response.status == 200)
        let document = try #require(response.json)
        #expect(document["openapi"]?.stringValue?.hasPrefix("3.1") == true)
        var documented = Set<String>()
        for (path, item) in document["paths"]?.objectValue ?? JSONObject() {
            for (method, operation) in item.objectValue ?? JSONObject() {
                documented.insert("\(method.uppercased()) \(path)")
                // Every operation may meet the HTTP layer's errors (two Authorization headers,
                // 405, 408, 413, 415, 431), documented as its default response.
                #expect(operation["responses"]?["default"]?["content"]?["application/problem+json"] != nil, "\(method) \(path)")
            }
        }

        // The application as `serve` builds it; its pool never needs to connect for this.
        let database = Database.open(connectionString: fixture.database.connectionString, poolSize: 1)
        defer { database.close() }
        let application = Application(database: database, logger: Logger(label: "openapi-test"))
        let served = Set(application.routes.map { "\($0.method) \($0.pattern)" })
        #expect(!served.isEmpty)
        #expect(documented == served, "documented but not served: \(documented.subtracting(served)); served but not documented: \(served.subtracting(documented))")
    }
}
