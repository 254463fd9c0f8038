import Foundation
import JSON
import Testing

/// Malformed, repeated or contradictory query parameters are 422 naming the parameter (SPEC §2),
/// shown on `GET /v1/audit`.
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
}
