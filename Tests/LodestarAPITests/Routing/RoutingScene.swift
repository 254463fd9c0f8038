import Foundation
import JSON
import Testing

/// A server of its own for routing tests (teams and rulesets are global: another suite's team
/// could take this suite's dispatches, and an activated ruleset changes every decision).
struct RoutingScene {
    let fixture: ServerFixture
    var server: ServerProcess { fixture.server }
    func token(_ role: String) -> String { fixture.token(role) }

    static func start() async throws -> RoutingScene {
        RoutingScene(fixture: try await ServerFixture.started(extraEnvironment: ["LODESTAR_TOKEN_CACHE_SECONDS": "0"]))
    }

    /// Posts `events` as one batch and returns the response.
    func post(_ events: [JSONValue], via server: ServerProcess? = nil) async throws -> APIResponse {
        try await (server ?? self.server).request("POST", "/v1/events", token: token("ingest"), json: ["events": .array(events)])
    }

    static func received(_ contact: String, at time: String, region: String? = nil, age: Int? = nil,
                         location: (Double, Double)? = nil) -> JSONValue {
        var data: [(String, JSONValue)] = [("channel", "call")]
        if let region { data.append(("region", .string(region))) }
        if let age { data.append(("caller", ["age": .int(Int64(age))])) }
        if let location { data.append(("location", ["lat": .double(location.0), "lon": .double(location.1)])) }
        return ["event_id": .string("\(contact)-received"), "type": "contact.received", "contact_id": .string(contact),
                "occurred_at": .string(time), "data": .object(JSONObject(data))]
    }

    static func assessed(_ contact: String, _ id: String, at time: String, risk: String, consent: Bool? = nil,
                         flags: [String] = []) -> JSONValue {
        var data: [(String, JSONValue)] = [("risk_level", .string(risk))]
        if let consent { data.append(("consent_follow_up", .bool(consent))) }
        if !flags.isEmpty { data.append(("flags", .array(flags.map(JSONValue.string)))) }
        return ["event_id": .string("\(contact)-\(id)"), "type": "contact.assessed", "contact_id": .string(contact),
                "occurred_at": .string(time), "data": .object(JSONObject(data))]
    }

    /// The decision in a batch response's result for `eventID`.
    static func decision(_ response: APIResponse, _ eventID: String) -> JSONValue? {
        response.json?["results"]?.arrayValue?.first { $0["event_id"]?.stringValue == eventID }?["decision"]
    }

    func sql(_ statement: String) throws -> String { try fixture.database.sql(statement) }
}
