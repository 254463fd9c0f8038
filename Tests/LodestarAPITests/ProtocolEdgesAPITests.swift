import Foundation
import JSON
import Testing

/// Authentication before routing, media types and the request id (SPEC §2), on the real server.
@Suite struct ProtocolEdgesAPITests {
    static func bearer(_ token: String) -> (String, String) { ("Authorization", "Bearer \(token)") }

    @Test func withoutATokenEveryV1PathIs401WhetherOrNotItExists() async throws {
        let fixture = try await FixtureCache.events.get()
        for (method, path) in [("GET", "/v1/nothing-here"), ("GET", "/v1"), ("DELETE", "/v1/events"), ("PUT", "/v1/contacts/c1"), ("GET", "/v1/events")] {
            let response = try fixture.server.raw(method, path)
            #expect(response.status == 401, "\(method) \(path)")
            #expect(response.header("WWW-Authenticate") == "Bearer", "\(method) \(path)")
            let unknownToken = try fixture.server.raw(method, path, headers: [Self.bearer("lsk_not-a-token")])
            #expect(unknownToken.status == 401, "\(method) \(path)")
        }
        // Outside /v1 nothing needs a token: an unknown path is plainly 404.
        #expect(try fixture.server.raw("GET", "/nothing-here").status == 404)
    }

    @Test func withATokenAnUnknownRouteIs404AndAWrongMethod405() async throws {
        let fixture = try await FixtureCache.events.get()
        let missing = try fixture.server.raw("GET", "/v1/nothing-here", headers: [Self.bearer(fixture.token("ingest"))])
        #expect(missing.status == 404)
        #expect(missing.header("Content-Type") == "application/problem+json")
        let wrongMethod = try fixture.server.raw("DELETE", "/v1/events", headers: [Self.bearer(fixture.token("ingest"))])
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.header("Allow") == "POST")
    }

    @Test func twoAuthorizationHeadersAre400() async throws {
        let fixture = try await FixtureCache.events.get()
        let token = fixture.token("admin")
        let response = try fixture.server.raw("GET", "/v1/contacts/c1", headers: [Self.bearer(token), Self.bearer(token)])
        #expect(response.status == 400)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(response.json?["status"] == 400)
    }

    @Test func aBodyDeclaredAsAnotherMediaTypeIs415() async throws {
        let fixture = try await FixtureCache.events.get()
        let ingest = Self.bearer(fixture.token("ingest"))
        let event = String(decoding: EventsAPITests.received(uniqueID("mt"), contact: uniqueID("c")).serialized(), as: UTF8.self)
        let text = try fixture.server.raw("POST", "/v1/events", headers: [ingest, ("Content-Type", "text/plain")], body: event)
        #expect(text.status == 415)
        #expect(text.header("Content-Type") == "application/problem+json")
        let encoded = try fixture.server.raw("POST", "/v1/events", headers: [ingest, ("Content-Type", "application/json"), ("Content-Encoding", "gzip")], body: event)
        #expect(encoded.status == 415)
        // The type is case-insensitive and may carry parameters; a body that is not JSON stays 400.
        let declared = try fixture.server.raw("POST", "/v1/events", headers: [ingest, ("Content-Type", "Application/JSON; charset=utf-8")], body: event)
        #expect(declared.status == 200)
        let notJSON = try fixture.server.raw("POST", "/v1/events", headers: [ingest, ("Content-Type", "application/json")], body: "{nope")
        #expect(notJSON.status == 400)
    }

    @Test func anUnauthenticatedBodyOfAnotherTypeIsStill401() async throws {
        let fixture = try await FixtureCache.events.get()
        let response = try fixture.server.raw("POST", "/v1/events", headers: [("Content-Type", "text/plain")], body: "hello")
        #expect(response.status == 401)
    }

    @Test func theRequestIdIsEchoed() async throws {
        let fixture = try await FixtureCache.events.get()
        let sent = try fixture.server.raw("GET", "/healthz", headers: [("X-Request-Id", "client-7f3a:1")])
        #expect(sent.header("X-Request-Id") == "client-7f3a:1")
        let generated = try fixture.server.raw("GET", "/v1/nothing-here")
        #expect(generated.status == 401)
        #expect(generated.header("X-Request-Id")?.utf8.count == 16)
        let replaced = try fixture.server.raw("GET", "/healthz", headers: [("X-Request-Id", "+1-555-867-5309")])
        #expect(replaced.header("X-Request-Id")?.utf8.count == 16)
    }

    /// Requests whose path and query carry a phone number leave no trace of it in the log, nor
    /// of any raw path; the log names the route pattern instead.
    @Test func noLogLineCarriesARawPathOrAnId() async throws {
        let fixture = try await FixtureCache.events.get()
        let manager = Self.bearer(fixture.token("manager"))
        #expect(try fixture.server.raw("GET", "/v1/contacts/+1-555-867-5309", headers: [manager]).status == 404)
        #expect(try fixture.server.raw("GET", "/v1/contacts/%2B1-555-867-5309", headers: [manager]).status == 404)
        #expect(try fixture.server.raw("GET", "/v1/contacts/+1-555-867-5309").status == 401)
        #expect(try fixture.server.raw("GET", "/v1/contacts/+1-555-867-5309/calls", headers: [manager]).status == 404)
        // An unknown parameter is refused before any lookup.
        #expect(try fixture.server.raw("GET", "/v1/contacts/+1-555-867-5309?caller=555-867-5309", headers: [manager]).status == 422)
        let lines = fixture.server.logLines
        let requests = lines.compactMap { try? JSON.parse(Array($0.utf8)) }.filter { $0["msg"] == "request" }
        #expect(requests.contains { $0["pattern"] == "/v1/contacts/{contact_id}" && $0["status"] == "404" })
        #expect(requests.contains { $0["pattern"] == "unmatched" && $0["status"] == "404" })
        for line in lines {
            // The clock, the generated request id, the duration and the port the server was
            // given are digits a request did not choose; whatever else a line says may not hold
            // the number.
            var chosen = line
            if case .object(var object)? = try? JSON.parse(Array(line.utf8)) {
                for key in ["ts", "request_id", "duration_ms", "port"] { object[key] = nil }
                chosen = JSONValue.object(object).description
            }
            #expect(!chosen.contains("867-5309") && !chosen.contains("8675309"), "\(line)")
            #expect(!line.contains("/v1/contacts/+") && !line.contains("/v1/contacts/%2B") && !line.contains("caller="), "\(line)")
        }
    }
}

/// Bytes refused before they became a request (here a malformed `Host`) are answered with a
/// request id, logged and counted like requests, under the route `unparsed`; the log names the
/// fault, never what was sent.
@Suite struct RefusedRequestAPITests {
    @Test func aRefusalIsLoggedAndCounted() async throws {
        let fixture = try await FixtureCache.events.get()
        let refused = try fixture.server.raw("GET", "/healthz", headers: [("Host", "555-867-5309 bad")])
        #expect(refused.status == 400)
        #expect(refused.header("Content-Type") == "application/problem+json")
        let id = try #require(refused.header("X-Request-Id"))
        let lines = fixture.server.logLines.compactMap { try? JSON.parse(Array($0.utf8)) }
        let line = try #require(lines.first { $0["msg"] == "request refused" && $0["request_id"] == .string(id) })
        #expect(line["status"] == "400")
        #expect(line["pattern"] == "unparsed")
        #expect(!line.description.contains("867-5309"))
        let metrics = try await fixture.server.request("GET", "/metrics").text
        #expect(metrics.contains(#"lodestar_http_requests_total{method="OTHER",route="unparsed",status="400"}"#))
    }
}

/// `GET /metrics`: Prometheus text, counted by route pattern, without authentication.
@Suite struct MetricsAPITests {
    @Test func requestsAreCountedByRoutePatternAndStatus() async throws {
        let fixture = try await FixtureCache.events.get()
        _ = try await fixture.server.request("GET", "/v1/contacts/\(uniqueID("counted"))", token: fixture.token("manager"))
        let response = try await fixture.server.request("GET", "/metrics")
        #expect(response.status == 200)
        #expect(response.header("Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
        let text = response.text
        #expect(text.contains(#"lodestar_http_requests_total{method="GET",route="/v1/contacts/{contact_id}",status="404"}"#))
        #expect(text.contains("# TYPE lodestar_http_request_duration_seconds histogram"))
        #expect(!text.contains("counted-"))
    }
}
