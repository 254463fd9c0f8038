import Foundation
import JSON
import Testing

/// Malformed, repeated or contradictory query parameters are 422 naming the parameter (SPEC §2),
/// shown on `GET /v1/audit`; on a route that takes none, any parameter is.
@Suite struct QueryParametersAPITests {
    static let window = "from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z"

    static func audit(_ query: String) async throws -> APIResponse {
        let fixture = try await FixtureCache.events.get()
        return try fixture.server.raw("GET", "/v1/audit?\(query)", headers: [("Authorization", "Bearer \(fixture.token("admin"))")])
    }

    static func errors(_ response: APIResponse) -> [(path: String, message: String)] {
        (response.json?["errors"]?.arrayValue ?? []).compactMap { error in
            guard let path = error["path"]?.stringValue, let message = error["message"]?.stringValue else { return nil }
            return (path, message)
        }
    }

    @Test func aWellFormedWindowIsServed() async throws {
        #expect(try await Self.audit(Self.window + "&limit=5").status == 200)
        #expect(try await Self.audit("from=2026-01-01T00:00:00%2B02:00&to=2027-01-01T00:00:00Z").status == 200)
    }

    @Test func aRepeatedParameterIs422NamingIt() async throws {
        let response = try await Self.audit(Self.window + "&from=2026-02-01T00:00:00Z")
        #expect(response.status == 422)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(Self.errors(response).map(\.path) == ["from"])
    }

    @Test(arguments: ["from=2026-06-01T00:00:00Z&to=2026-06-01T00:00:00Z", "from=2026-06-02T00:00:00Z&to=2026-06-01T00:00:00Z"])
    func aWindowThatDoesNotMoveForwardIs422(query: String) async throws {
        let response = try await Self.audit(query)
        #expect(response.status == 422)
        #expect(Self.errors(response).map(\.path) == ["to"])
    }

    @Test func anUnescapedPlusGetsAHint() async throws {
        let response = try await Self.audit("from=2026-11-26T16:43:04+00:00&to=2027-01-01T00:00:00Z")
        #expect(response.status == 422)
        let errors = Self.errors(response)
        #expect(errors.map(\.path) == ["from"])
        #expect(errors.first?.message.contains("%2B") == true)
    }

    @Test func malformedAndUnknownParametersAreEachNamed() async throws {
        let response = try await Self.audit(Self.window + "&limit=eleventy&limt=5&555-867-5309")
        #expect(response.status == 422)
        #expect(Self.errors(response).map(\.path) == ["limit", "limt", "query"])
        // Messages name rules, never what was sent.
        #expect(!response.text.contains("555") && !response.text.contains("eleventy"))
    }

    /// Every `/v1` route that takes no query parameter, with a role that may call it: the check
    /// comes before the route looks anything up, so the ids need not exist.
    static let routesWithoutParameters: [(method: String, path: String, role: String)] = [
        ("POST", "/v1/events", "ingest"), ("GET", "/v1/stream", "dispatcher"),
        ("POST", "/v1/follow-ups", "dispatcher"), ("GET", "/v1/follow-ups/0190a000-0000-7000-8000-000000000000", "dispatcher"),
        ("POST", "/v1/follow-ups/0190a000-0000-7000-8000-000000000000/attempts", "dispatcher"),
        ("POST", "/v1/rulesets", "admin"), ("POST", "/v1/rulesets/1/activate", "admin"),
        ("GET", "/v1/rulesets/active", "manager"), ("GET", "/v1/rulesets/1", "manager"),
        ("POST", "/v1/routing/simulate", "manager"), ("POST", "/v1/routing/replay", "manager"),
        ("POST", "/v1/dispatches", "dispatcher"), ("POST", "/v1/dispatches/1/events", "dispatcher"),
        ("GET", "/v1/dispatches/1", "dispatcher"), ("PUT", "/v1/regions/north", "admin"), ("GET", "/v1/regions/north", "manager"),
        ("PUT", "/v1/teams/t1", "admin"), ("POST", "/v1/teams/t1/status", "dispatcher"), ("GET", "/v1/teams/t1", "dispatcher"),
    ]

    @Test func aRouteThatTakesNoParametersNamesAnyGiven() async throws {
        let fixture = try await FixtureCache.events.get()
        for route in Self.routesWithoutParameters {
            let headers = [("Authorization", "Bearer \(fixture.token(route.role))"), ("Content-Type", "application/json")]
            let response = try fixture.server.raw(route.method, route.path + "?x=1&x=2", headers: headers,
                                                  body: route.method == "GET" ? "" : "{}")
            #expect(response.status == 422, "\(route.method) \(route.path)")
            #expect(Self.errors(response).map(\.path) == ["x"], "\(route.method) \(route.path)")
        }
    }

    @Test func anEventPostedWithAParameterIsNotStored() async throws {
        let fixture = try await FixtureCache.events.get()
        let contact = "query-\(UUID().uuidString.prefix(8))"
        let event = """
            {"event_id":"\(contact)-1","type":"contact.received","contact_id":"\(contact)",\
            "occurred_at":"2026-11-26T16:43:04Z","data":{"channel":"call"}}
            """
        let posted = try fixture.server.raw("POST", "/v1/events?dry_run=true", headers: [
            ("Authorization", "Bearer \(fixture.token("ingest"))"), ("Content-Type", "application/json"),
        ], body: event)
        #expect(posted.status == 422)
        #expect(Self.errors(posted).map(\.path) == ["dry_run"])
        let read = try fixture.server.raw("GET", "/v1/contacts/\(contact)", headers: [("Authorization", "Bearer \(fixture.token("manager"))")])
        #expect(read.status == 404)
    }
}
