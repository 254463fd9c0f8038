import Foundation
import JSON
import Testing

/// The request limits are configurable (SPEC §2) and answered with their status.
@Suite struct LimitsAPITests {
    @Test func aConfiguredBodyLimitIsAnswered413() async throws {
        let database = try TestDatabase.create()
        let token = try LodestarBinary.createToken(role: "ingest", name: "limits", database: database)
        let server = try ServerProcess(database: database, extraEnvironment: ["LODESTAR_MAX_BODY_BYTES": "2000"])
        let small = EventsAPITests.received("small-1", contact: "small")
        #expect(try await server.request("POST", "/v1/events", token: token, json: small).status == 200)
        let large = try await server.request("POST", "/v1/events", token: token, raw: String(repeating: " ", count: 3000) + "{}")
        #expect(large.status == 413)
        #expect(large.json?["status"] == 413)
        #expect(server.stop() == 0)
    }

    @Test func aBatchOverTheEventLimitIsRejectedWhole() async throws {
        let database = try TestDatabase.create()
        let token = try LodestarBinary.createToken(role: "ingest", name: "limits", database: database)
        let server = try ServerProcess(database: database, extraEnvironment: ["LODESTAR_MAX_EVENTS_PER_BATCH": "3"])
        let events = (0..<4).map { EventsAPITests.received("many-\($0)", contact: "many") }
        let response = try await server.request("POST", "/v1/events", token: token, json: ["events": .array(events)])
        #expect(response.status == 422)
        #expect(response.json?["errors"]?[0]?["path"] == "events")
        #expect(try database.sql("SELECT count(*) FROM contact_events") == "0")
        #expect(server.stop() == 0)
    }
}
