import Foundation
import JSON
import Testing

/// Roles on every `/v1` route (401 without or with an unknown token, 403 for a wrong role) and
/// the audit trail of writes and contact reads.
@Suite struct AuthAndAuditAPITests {
    /// Each `/v1` route with the roles that may use it (admins may use all).
    static let routes: [(method: String, path: String, allowed: Set<String>)] = [
        ("POST", "/v1/events", ["ingest", "admin"]),
        ("GET", "/v1/contacts/someone", ["dispatcher", "manager", "admin"]),
        ("GET", "/v1/audit?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z", ["admin"]),
    ]

    @Test func everyRouteNeedsAToken() async throws {
        let fixture = try await FixtureCache.events.get()
        for route in Self.routes {
            let missing = try await fixture.server.request(route.method, route.path)
            #expect(missing.status == 401, "\(route.method) \(route.path)")
            let unknown = try await fixture.server.request(route.method, route.path, token: "lsk_not-a-token")
            #expect(unknown.status == 401, "\(route.method) \(route.path)")
        }
    }

    @Test func everyRouteEnforcesItsRoles() async throws {
        let fixture = try await FixtureCache.events.get()
        for route in Self.routes {
            for role in ["ingest", "dispatcher", "manager", "admin"] {
                let response = try await fixture.server.request(route.method, route.path, token: fixture.token(role), json: route.method == "POST" ? [:] : nil)
                if route.allowed.contains(role) {
                    #expect(response.status != 401 && response.status != 403, "\(role) on \(route.method) \(route.path): \(response.status)")
                } else {
                    #expect(response.status == 403, "\(role) on \(route.method) \(route.path): \(response.status)")
                }
            }
        }
    }

    @Test func writesAndContactReadsAreAudited() async throws {
        let fixture = try await FixtureCache.events.get()
        let contact = uniqueID("audited")
        let event = EventsAPITests.received("\(contact)-1", contact: contact)
        _ = try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"), json: event)
        _ = try await fixture.server.request("GET", "/v1/contacts/\(contact)", token: fixture.token("manager"))
        let audit = try await fixture.server.request(
            "GET", "/v1/audit?from=2026-01-01T00:00:00Z&to=2099-01-01T00:00:00Z&limit=10000", token: fixture.token("admin"))
        #expect(audit.status == 200)
        let entries = audit.json?["entries"]?.arrayValue ?? []
        #expect(entries.contains { $0["actor"] == "test-manager" && $0["action"] == "contact.read" && $0["resource"] == .string("contact/\(contact)") })
        #expect(entries.contains { $0["actor"] == "test-ingest" && $0["action"] == "events.ingest" && ($0["detail"]?["contacts"]?.arrayValue ?? []).contains(.string(contact)) })
        // The audit log names the contact, never what the caller said.
        #expect(!audit.text.contains("\"age\""))
    }

    @Test func aMalformedAuditBoundIs422NamingIt() async throws {
        let fixture = try await FixtureCache.events.get()
        let response = try await fixture.server.request("GET", "/v1/audit?from=yesterday", token: fixture.token("admin"))
        #expect(response.status == 422)
        let paths = Set(response.json?["errors"]?.arrayValue?.compactMap { $0["path"]?.stringValue } ?? [])
        #expect(paths == ["from"])
    }

    @Test func aRevokedTokenStopsWorking() async throws {
        let fixture = try await FixtureCache.events.get()
        let name = uniqueID("short-lived")
        let token = try LodestarBinary.createToken(role: "manager", name: name, database: fixture.database)
        let before = try await fixture.server.request("GET", "/v1/contacts/x", token: token)
        #expect(before.status == 404)
        let revoke = try LodestarBinary.run(["token", "revoke", name], database: fixture.database)
        #expect(revoke.status == 0)
        let after = try await fixture.server.request("GET", "/v1/contacts/x", token: token)
        #expect(after.status == 401)
    }

    @Test func tokenCreatePrintsOnlyTheTokenAndStoresOnlyItsHash() async throws {
        let fixture = try await FixtureCache.events.get()
        let name = uniqueID("printed")
        let result = try LodestarBinary.run(["token", "create", "--role", "ingest", "--name", name], database: fixture.database)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let token = String(lines.first ?? "")
        #expect(token.count > 40)
        #expect(try fixture.database.sql("SELECT count(*) FROM api_tokens WHERE name = '\(name)' AND token_hash = sha256(convert_to('\(token)', 'UTF8'))") == "1")
        #expect(try fixture.database.sql("SELECT count(*) FROM api_tokens WHERE encode(token_hash, 'escape') LIKE '%\(token)%'") == "0")
    }
}
