import Foundation
import JSON
import Testing

/// `PUT /v1/regions/{code}`, `GET /v1/regions/{code}` and `GET /v1/regions` against the real binary.
@Suite struct RegionAPITests {
    @Test func aRegionIsCreatedWithItsTypesTargetThenReplaced() async throws {
        let scene = try await DispatchScene.start()
        let code = scene.id("north")
        let created = try await scene.server.request("PUT", "/v1/regions/\(code)", token: scene.token("admin"),
                                                     json: ["name": "North County", "type": "rural", "timezone": "America/Chicago"])
        #expect(created.status == 201)
        #expect(created.json == ["code": .string(code), "name": "North County", "type": "rural", "timezone": "America/Chicago",
                                 "response_target_minutes": 120])
        let replaced = try await scene.server.request("PUT", "/v1/regions/\(code)", token: scene.token("admin"), json: [
            "name": "North County", "type": "urban", "timezone": "America/Chicago", "response_target_minutes": 45,
        ])
        #expect(replaced.status == 200)
        #expect(try await scene.get("/v1/regions/\(code)").json?["response_target_minutes"] == 45)
        let all = try await scene.server.request("GET", "/v1/regions", token: scene.token("manager"))
        #expect(all.json?["regions"]?.arrayValue?.contains { $0["code"] == .string(code) } == true)
        #expect(try await scene.server.request("PUT", "/v1/regions/\(scene.id("south"))", token: scene.token("admin"),
                                               json: ["name": "S", "type": "urban", "timezone": "UTC"]).json?["response_target_minutes"] == 60)
    }

    @Test func aTimeZoneTheDatabaseDoesNotKnowIs422() async throws {
        let scene = try await DispatchScene.start()
        for zone in ["Mars/Olympus_Mons", "../../etc/passwd", "America/Chicago "] {
            let response = try await scene.server.request("PUT", "/v1/regions/\(scene.id("x"))", token: scene.token("admin"),
                                                          json: ["name": "X", "type": "urban", "timezone": .string(zone)])
            #expect(response.status == 422, "\(zone)")
            #expect(response.errorPaths == ["timezone"])
        }
        let invalid = try await scene.server.request("PUT", "/v1/regions/\(scene.id("x"))", token: scene.token("admin"),
                                                     json: ["type": "suburban", "timezone": "UTC", "response_target_minutes": 0])
        #expect(invalid.errorPaths.sorted() == ["name", "response_target_minutes", "type"])
        // An unknown zone is reported with the body's other problems, not after they are mended.
        let both = try await scene.server.request("PUT", "/v1/regions/\(scene.id("x"))", token: scene.token("admin"),
                                                  json: ["name": "X", "type": "suburban", "timezone": "Mars/Base"])
        #expect(both.errorPaths.sorted() == ["timezone", "type"])
        #expect(try await scene.get("/v1/regions/\(scene.id("x"))").status == 404)
    }

    /// A region or team cannot be described under an id that breaks the identifier rule: 422
    /// naming the path's parameter (reading such an id is 404: it names nothing).
    @Test func describingUnderAnInvalidIdIs422NamingIt() async throws {
        let scene = try await DispatchScene.start()
        let long = String(repeating: "r", count: 201)
        let region = try await scene.server.request("PUT", "/v1/regions/\(long)", token: scene.token("admin"),
                                                    json: ["name": "X", "type": "urban", "timezone": "UTC"])
        #expect(region.status == 422)
        #expect(region.errorPaths == ["code"])
        let team = try await scene.server.request("PUT", "/v1/teams/a%01b", token: scene.token("admin"),
                                                  json: ["name": "T", "capabilities": [], "regions": [], "base": ["lat": 45, "lon": -93]])
        #expect(team.status == 422)
        #expect(team.errorPaths == ["team_id"])
        #expect(try await scene.get("/v1/regions/\(long)").status == 404)
    }

    @Test func onlyAdminsDescribeRegions() async throws {
        let scene = try await DispatchScene.start()
        for role in ["ingest", "dispatcher", "manager"] {
            let response = try await scene.server.request("PUT", "/v1/regions/\(scene.id("r"))", token: scene.token(role),
                                                          json: ["name": "R", "type": "urban", "timezone": "UTC"])
            #expect(response.status == 403, "\(role)")
        }
        #expect(try await scene.server.request("PUT", "/v1/regions/\(scene.id("r"))", json: ["name": "R"]).status == 401)
        #expect(try await scene.server.request("GET", "/v1/regions/\(scene.id("r"))", token: scene.token("ingest")).status == 403)
    }
}
