import Foundation
import JSON
import Testing

/// Roles on every region, team and dispatch route; the audit trail and stream changes of writes.
@Suite struct DispatchAccessAPITests {
    static let routes: [(method: String, path: String, allowed: Set<String>)] = [
        ("PUT", "/v1/regions/r", ["admin"]),
        ("GET", "/v1/regions/r", ["dispatcher", "manager", "admin"]),
        ("GET", "/v1/regions", ["dispatcher", "manager", "admin"]),
        ("PUT", "/v1/teams/t", ["admin"]),
        ("GET", "/v1/teams/t", ["dispatcher", "admin"]),
        ("GET", "/v1/teams", ["dispatcher", "admin"]),
        ("POST", "/v1/teams/t/status", ["dispatcher", "admin"]),
        ("POST", "/v1/dispatches", ["dispatcher", "admin"]),
        ("GET", "/v1/dispatches", ["dispatcher", "admin"]),
        ("GET", "/v1/dispatches/1", ["dispatcher", "admin"]),
        ("POST", "/v1/dispatches/1/events", ["dispatcher", "admin"]),
    ]

    @Test func everyRouteNeedsATokenOfItsRoles() async throws {
        let scene = try await DispatchScene.start()
        for route in Self.routes {
            let body: JSONValue? = route.method == "GET" ? nil : [:]
            #expect(try await scene.server.request(route.method, route.path, json: body).status == 401, "\(route.method) \(route.path)")
            #expect(try await scene.server.request(route.method, route.path, token: "lsk_unknown", json: body).status == 401)
            for role in ["ingest", "dispatcher", "manager", "admin"] {
                let status = try await scene.server.request(route.method, route.path, token: scene.token(role), json: body).status
                if route.allowed.contains(role) {
                    #expect(status != 401 && status != 403, "\(role) on \(route.method) \(route.path): \(status)")
                } else {
                    #expect(status == 403, "\(role) on \(route.method) \(route.path): \(status)")
                }
            }
        }
    }

    @Test func writesAreAuditedAndAnnouncedInTheirTransaction() async throws {
        let scene = try await DispatchScene.start()
        try await scene.availableTeam("t", base: (45, -93))
        let contact = try await scene.contact("c")
        let id = try #require(try await scene.dispatch("c", team: "t").dispatchID)
        #expect(try await scene.step(id, ["type": "cancelled"]).status == 200)

        let team = scene.id("t")
        let audit = try scene.sql("""
            SELECT string_agg(actor || ' ' || action || ' ' || resource, '|' ORDER BY id) FROM audit_log
            WHERE resource IN ('team/\(team)', 'dispatch/\(id)')
            """)
        #expect(audit == "test-admin team.put team/\(team)|test-dispatcher team.status team/\(team)|test-dispatcher dispatch.create dispatch/\(id)|test-dispatcher dispatch.cancelled dispatch/\(id)")
        // Audit rows name resources, never the contact.
        #expect(try scene.sql("SELECT count(*) FROM audit_log WHERE resource IN ('team/\(team)', 'dispatch/\(id)') AND detail::text LIKE '%\(contact)%'") == "0")

        let dispatchChanges = try scene.sql("SELECT string_agg(body->>'status', ',' ORDER BY id) FROM change_log WHERE kind = 'dispatch' AND (body->>'id')::bigint = \(id)")
        #expect(dispatchChanges == "assigned,cancelled")
        let teamChanges = try scene.sql("SELECT string_agg(body->>'status', ',' ORDER BY id) FROM change_log WHERE kind = 'team' AND body->>'team_id' = '\(team)'")
        #expect(teamChanges == "available,available,busy,available")
        // A change is the resource as the API shows it.
        let body = try scene.sql("SELECT body::text FROM change_log WHERE kind = 'dispatch' AND (body->>'id')::bigint = \(id) ORDER BY id DESC LIMIT 1")
        let shown = try await scene.get("/v1/dispatches/\(id)")
        #expect(try JSON.parse(Array(body.utf8)) == shown.json)
    }
}
