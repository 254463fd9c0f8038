import Foundation
import JSON
import Testing

/// Teams: description, reports, and the list ranked by ETA against distances worked by hand.
@Suite struct TeamAPITests {
    @Test func aTeamIsDescribedAvailableAtItsBaseAndReportsItsStatusAndLocation() async throws {
        let scene = try await DispatchScene.start()
        let created = try await scene.putTeam("t", capabilities: ["youth"], regions: ["north"], base: (41.88, -87.63))
        #expect(created.status == 201)
        #expect(created.json == ["team_id": .string(scene.id("t")), "name": "t", "status": "available",
                                 "capabilities": [.string(scene.tag), "youth"], "regions": ["north"], "location": ["lat": 41.88, "lon": -87.63]])
        #expect(try await scene.report("t", ["status": "off_duty", "at": "2026-11-26T09:00:00Z"]).json?["status"] == "off_duty")
        let available = try await scene.report("t", ["status": "available", "location": ["lat": 41.9, "lon": -87.7], "at": "2026-11-26T10:00:00Z"])
        #expect(available.status == 200)
        #expect(available.json?["status"] == "available")
        #expect(available.json?["location"] == ["lat": 41.9, "lon": -87.7])
        // A new description keeps what the team reported.
        #expect(try await scene.putTeam("t", base: (40, -88)).status == 200)
        let read = try await scene.get("/v1/teams/\(scene.id("t"))")
        #expect(read.json?["status"] == "available" && read.json?["location"] == ["lat": 41.9, "lon": -87.7])
        #expect(read.json?["capabilities"] == [.string(scene.tag)])

        let late = try await scene.report("t", ["status": "off_duty", "at": "2026-11-26T09:59:59Z"])
        #expect(late.status == 422 && late.errorPaths == ["at"])
        #expect(try await scene.report("t", ["status": "busy"]).errorPaths == ["status"])
        #expect(try await scene.report("nobody", ["status": "available"]).status == 404)
        #expect(try await scene.get("/v1/teams/\(scene.id("nobody"))").status == 404)
    }

    @Test func aBusyTeamMayReportWhereItIsButNotAnotherStatus() async throws {
        let scene = try await DispatchScene.start()
        try await scene.availableTeam("t", base: (41.88, -87.63))
        try await scene.contact("c")
        let dispatch = try await scene.dispatch("c", team: "t")
        #expect(dispatch.status == 201)
        for status in ["off_duty", "available", "out_of_service"] {
            let refused = try await scene.report("t", ["status": .string(status)])
            #expect(refused.status == 409, "\(status)")
            #expect(refused.json?["dispatch_id"] == dispatch.json?["id"])
        }
        let ping = try await scene.report("t", ["location": ["lat": 41.7, "lon": -87.6]])
        #expect(ping.status == 200)
        #expect(ping.json?["status"] == "busy" && ping.json?["location"] == ["lat": 41.7, "lon": -87.6])
    }

    /// From (45, -93), with the fixture's road factor 1.5, 40 km/h and 7 minutes to set off:
    /// ETA = distance × 2.25 + 7. Distances by the haversine formula with R = 6371.0088 km.
    @Test func teamsNearAPlaceAreRankedByETA() async throws {
        let scene = try await DispatchScene.start()
        try await scene.availableTeam("a", regions: ["r1"], base: (45.1, -93.0))          // 11.119508 km
        try await scene.availableTeam("b", regions: ["elsewhere"], base: (45.0, -93.2))   // 15.725355 km
        try await scene.availableTeam("c", capabilities: ["youth"], base: (44.7, -93.0))  // 33.358524 km
        try await scene.availableTeam("d", base: (46.0, -93.0))                           // base 111 km away, but:
        #expect(try await scene.report("d", ["location": ["lat": 45.05, "lon": -93.05]]).status == 200)  // 6.808289 km
        let expected: [(String, Double, Double)] = [
            ("d", 6.808289446160764, 22.318651253861717), ("a", 11.119508023353449, 32.01889305254526),
            ("b", 15.725355061692186, 42.382048888807425), ("c", 33.35852407005955, 82.056679157634),
        ]
        let all = try await scene.get("/v1/teams?near=45,-93&capability=\(scene.tag)")
        #expect(all.status == 200)
        let teams = all.json?["teams"]?.arrayValue ?? []
        #expect(teams.compactMap { $0["team_id"]?.stringValue } == expected.map { scene.id($0.0) })
        for (team, (_, distance, eta)) in zip(teams, expected) {
            #expect(abs((team["distance_km"]?.doubleValue ?? 0) - distance) < 1e-6)
            #expect(abs((team["eta_minutes"]?.doubleValue ?? 0) - eta) < 1e-6)
        }

        #expect(try await scene.report("b", ["status": "off_duty"]).status == 200)
        let ids = { (response: APIResponse) in response.json?["teams"]?.arrayValue?.compactMap { $0["team_id"]?.stringValue } ?? [] }
        #expect(ids(try await scene.get("/v1/teams?near=45,-93&capability=\(scene.tag)&status=available")) == ["d", "a", "c"].map(scene.id))
        #expect(ids(try await scene.get("/v1/teams?near=45,-93&capability=\(scene.tag)&region=r1")) == ["d", "a", "c"].map(scene.id))
        #expect(ids(try await scene.get("/v1/teams?near=45,-93&capability=\(scene.tag),youth")) == [scene.id("c")])
        #expect(ids(try await scene.get("/v1/teams?near=45,-93&capability=\(scene.tag)&limit=2")) == ["d", "a"].map(scene.id))
        // Without a place: by id, no distance.
        let byID = try await scene.get("/v1/teams?capability=\(scene.tag)")
        #expect(ids(byID) == ["a", "b", "c", "d"].map(scene.id))
        #expect(byID.json?["teams"]?[0]?["distance_km"] == nil)
    }

    @Test func malformedListParametersAre422NamingEach() async throws {
        let scene = try await DispatchScene.start()
        for near in ["45", "45,-93,1", "91,0", "nan,0", "0x1p3,0", "45;-93", ""] {
            let response = try await scene.get("/v1/teams?near=\(near)")
            #expect(response.status == 422 && response.errorPaths == ["near"], "\(near)")
        }
        let several = try await scene.get("/v1/teams?status=resting&limit=0&capability=a,,b&region=x&region=y")
        #expect(several.errorPaths.sorted() == ["capability", "limit", "region", "status"])
    }
}
