import Foundation
import JSON
import Testing

extension FixtureCache {
    /// A server of its own for teams and dispatches, whose queue and board other suites never
    /// touch, estimating ETAs with settings other than the defaults (road factor 1.5, 40 km/h,
    /// 7 minutes to set off), so that the tests see the settings applied.
    static let dispatch = FixtureCache(environment: [
        "LODESTAR_ETA_ROAD_FACTOR": "1.5", "LODESTAR_ETA_SPEED_KMH": "40", "LODESTAR_ETA_MOBILISATION_MINUTES": "7",
    ])
}

/// One test's corner of the shared dispatch server. Tests run at once over one queue, so every
/// team of a scene has the scene's `tag` capability and every dispatch it requests requires it:
/// no test's team ever takes another test's dispatch, and team lists filter on the tag.
struct DispatchScene {
    let fixture: ServerFixture
    let tag: String

    static func start() async throws -> DispatchScene {
        DispatchScene(fixture: try await FixtureCache.dispatch.get(), tag: uniqueID("cap"))
    }

    var server: ServerProcess { fixture.server }
    func token(_ role: String) -> String { fixture.token(role) }

    /// The scene's id for a team or contact called `name`.
    func id(_ name: String) -> String { "\(tag)-\(name)" }

    @discardableResult
    func putTeam(_ name: String, capabilities: [String] = [], regions: [String] = [], base: (Double, Double)) async throws -> APIResponse {
        try await server.request("PUT", "/v1/teams/\(id(name))", token: token("admin"), json: [
            "name": .string(name), "capabilities": .array(([tag] + capabilities).map(JSONValue.string)),
            "regions": .array(regions.map(JSONValue.string)), "base": ["lat": .double(base.0), "lon": .double(base.1)],
        ])
    }

    @discardableResult
    func report(_ name: String, _ body: JSONValue, via server: ServerProcess? = nil) async throws -> APIResponse {
        try await (server ?? self.server).request("POST", "/v1/teams/\(id(name))/status", token: token("dispatcher"), json: body)
    }

    /// A team described at `base` and gone off duty (at a time before every test's own), so
    /// that it takes nothing until it reports again.
    func offDutyTeam(_ name: String, capabilities: [String] = [], regions: [String] = [], base: (Double, Double)) async throws {
        #expect(try await putTeam(name, capabilities: capabilities, regions: regions, base: base).status == 201)
        #expect(try await report(name, ["status": "off_duty", "at": "2026-11-26T00:00:00Z"]).json?["status"] == "off_duty")
    }

    /// A team described at `base` and available.
    func availableTeam(_ name: String, capabilities: [String] = [], regions: [String] = [], base: (Double, Double)) async throws {
        #expect(try await putTeam(name, capabilities: capabilities, regions: regions, base: base).status == 201)
        #expect(try await report(name, ["status": "available"]).json?["status"] == "available")
    }

    /// A contact received with the region and location given; returns its id.
    @discardableResult
    func contact(_ name: String, region: String? = nil, location: (Double, Double)? = nil) async throws -> String {
        var data: [(String, JSONValue)] = [("channel", "call")]
        if let region { data.append(("region", .string(region))) }
        if let location { data.append(("location", ["lat": .double(location.0), "lon": .double(location.1)])) }
        let event: JSONValue = ["event_id": .string(id(name)), "type": "contact.received", "contact_id": .string(id(name)),
                                "occurred_at": "2026-11-26T16:43:04Z", "data": .object(JSONObject(data))]
        #expect(try await server.request("POST", "/v1/events", token: token("ingest"), json: event).status == 200)
        return id(name)
    }

    /// `POST /v1/dispatches` for the scene's contact `contact`, requiring the tag and `requires`.
    func dispatch(_ contact: String, team: String? = nil, priority: String? = nil, requires: [String] = [], at: String? = nil,
                  via server: ServerProcess? = nil) async throws -> APIResponse {
        var body: [(String, JSONValue)] = [("contact_id", .string(id(contact))), ("requires", .array(([tag] + requires).map(JSONValue.string)))]
        if let team { body.append(("team_id", .string(id(team)))) }
        if let priority { body.append(("priority", .string(priority))) }
        if let at { body.append(("at", .string(at))) }
        return try await (server ?? self.server).request("POST", "/v1/dispatches", token: token("dispatcher"), json: .object(JSONObject(body)))
    }

    func step(_ dispatchID: Int64, _ body: JSONValue) async throws -> APIResponse {
        try await server.request("POST", "/v1/dispatches/\(dispatchID)/events", token: token("dispatcher"), json: body)
    }

    /// Takes a dispatch from assigned to completed.
    func complete(_ dispatchID: Int64) async throws -> APIResponse {
        for type in ["en_route", "on_scene"] { #expect(try await step(dispatchID, ["type": .string(type)]).status == 200) }
        return try await step(dispatchID, ["type": "completed", "outcome": "stabilized_in_community"])
    }

    func get(_ path: String) async throws -> APIResponse {
        try await server.request("GET", path, token: token("dispatcher"))
    }

    /// GETs `path` until `done` holds of the answer (every 50 ms, at most `within` seconds);
    /// returns the last answer.
    func eventually(_ path: String, within seconds: Double = 10, _ done: (APIResponse) -> Bool) async throws -> APIResponse {
        let deadline = Date().addingTimeInterval(seconds)
        var response = try await get(path)
        while !done(response), Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
            response = try await get(path)
        }
        return response
    }

    /// Reads `statement` until it gives `expected` (every 50 ms, at most 10 seconds); returns
    /// the last value.
    @discardableResult
    func eventuallySQL(_ statement: String, equals expected: String) async throws -> String {
        let deadline = Date().addingTimeInterval(10)
        var value = try sql(statement)
        while value != expected, Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
            value = try sql(statement)
        }
        #expect(value == expected, "\(statement)")
        return value
    }

    /// A statement's single value, from the server's database.
    func sql(_ statement: String) throws -> String { try fixture.database.sql(statement) }
}

extension APIResponse {
    /// The `id` of a dispatch answer.
    var dispatchID: Int64? { json?["id"]?.intValue }

    /// The paths of a problem's errors.
    var errorPaths: [String] { json?["errors"]?.arrayValue?.compactMap { $0["path"]?.stringValue } ?? [] }
}
