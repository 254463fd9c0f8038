import Foundation
import JSON
import Testing

/// `GET /openapi.json` is kept true (SPEC §2) for shapes as well as routes: real answers of
/// every resource, from a scene that makes one of each, are checked against the schema the
/// document gives for their route, status and media type.
@Suite struct OpenAPIResponseTests {
    @Test func answersMatchTheDocumentsSchemas() async throws {
        let fixture = try await FixtureCache.events.get()
        let server = fixture.server
        let document = try #require(try await server.request("GET", "/openapi.json").json)
        let validator = SchemaValidator(document: document)
        var checked = 0

        /// Sends the request, expects `status`, and checks the body against the document.
        @discardableResult
        func check(_ method: String, _ pattern: String, _ path: String, role: String, json: JSONValue? = nil,
                   status: Int) async throws -> JSONValue {
            let response = try await server.request(method, path, token: fixture.token(role), json: json)
            let label = "\(method) \(path)"
            #expect(response.status == status, "\(label): \(response.text)")
            let mediaType = status < 400 ? "application/json" : "application/problem+json"
            #expect(response.header("Content-Type") == mediaType, "\(label)")
            let schema = try #require(validator.responseSchema(method, pattern, status: status, mediaType: mediaType),
                                      "\(label): the document gives no \(mediaType) schema for \(status)")
            let body = try #require(response.json, "\(label)")
            #expect(validator.violations(of: body, against: schema) == [], "\(label)")
            checked += 1
            return body
        }

        let region = uniqueID("oa-region"), team = uniqueID("oa-team"), contact = uniqueID("oa-contact")
        try await check("PUT", "/v1/regions/{code}", "/v1/regions/\(region)", role: "admin",
                        json: ["name": "R", "type": "urban", "timezone": "America/Chicago"], status: 201)
        try await check("GET", "/v1/regions/{code}", "/v1/regions/\(region)", role: "manager", status: 200)
        try await check("GET", "/v1/regions", "/v1/regions", role: "manager", status: 200)
        try await check("PUT", "/v1/teams/{team_id}", "/v1/teams/\(team)", role: "admin",
                        json: ["name": "T", "capabilities": ["clinician"], "regions": [.string(region)], "base": ["lat": 41.88, "lon": -87.63]],
                        status: 201)
        try await check("POST", "/v1/teams/{team_id}/status", "/v1/teams/\(team)/status", role: "dispatcher",
                        json: ["status": "available", "location": ["lat": 41.9, "lon": -87.6]], status: 200)
        try await check("GET", "/v1/teams/{team_id}", "/v1/teams/\(team)", role: "dispatcher", status: 200)
        try await check("GET", "/v1/teams", "/v1/teams?near=41.88,-87.63&limit=5", role: "dispatcher", status: 200)

        // An assessment the default ruleset answers with a team and a follow-up.
        let events: JSONValue = ["events": [
            ["event_id": .string("\(contact)-1"), "type": "contact.received", "contact_id": .string(contact),
             "occurred_at": "2026-11-26T16:43:04Z",
             "data": ["channel": "call", "region": .string(region), "caller": ["age": 34], "location": ["lat": 41.88, "lon": -87.63]]],
            ["event_id": .string("\(contact)-2"), "type": "contact.assessed", "contact_id": .string(contact),
             "occurred_at": "2026-11-26T16:50:00Z", "data": ["risk_level": "high"]],
        ]]
        let ingested = try await check("POST", "/v1/events", "/v1/events", role: "ingest", json: events, status: 200)
        let decision = try #require(ingested["results"]?[1]?["decision"], "no decision: \(ingested)")
        let dispatchID = try #require(decision["dispatch"]?["id"]?.intValue)
        let followUpID = try #require(decision["follow_up"]?["id"]?.stringValue)

        try await check("GET", "/v1/contacts/{contact_id}", "/v1/contacts/\(contact)", role: "dispatcher", status: 200)
        try await check("GET", "/v1/dispatches/{id}", "/v1/dispatches/\(dispatchID)", role: "dispatcher", status: 200)
        try await check("GET", "/v1/dispatches", "/v1/dispatches?limit=5", role: "dispatcher", status: 200)
        try await check("POST", "/v1/dispatches/{id}/events", "/v1/dispatches/\(dispatchID)/events", role: "dispatcher",
                        json: ["type": "cancelled"], status: 200)
        try await check("POST", "/v1/dispatches", "/v1/dispatches", role: "dispatcher",
                        json: ["contact_id": .string(contact), "priority": "routine"], status: 201)
        try await check("GET", "/v1/follow-ups/{id}", "/v1/follow-ups/\(followUpID)", role: "dispatcher", status: 200)
        try await check("POST", "/v1/follow-ups/{id}/attempts", "/v1/follow-ups/\(followUpID)/attempts", role: "dispatcher",
                        json: ["outcome": "no_answer", "at": "2026-11-26T17:00:00Z"], status: 200)
        try await check("POST", "/v1/follow-ups", "/v1/follow-ups", role: "dispatcher",
                        json: ["contact_id": .string(contact), "within": "PT24H", "at": "2026-11-26T17:00:00Z"], status: 201)
        try await check("GET", "/v1/follow-ups", "/v1/follow-ups?status=open&limit=5", role: "dispatcher", status: 200)
        try await check("GET", "/v1/audit", "/v1/audit?from=2026-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&limit=5", role: "admin", status: 200)
        try await check("GET", "/v1/rulesets/active", "/v1/rulesets/active", role: "manager", status: 200)
        try await check("POST", "/v1/routing/simulate", "/v1/routing/simulate", role: "manager",
                        json: ["contact": ["risk_level": "high"]], status: 200)

        // Errors are problem details as documented.
        try await check("GET", "/v1/teams/{team_id}", "/v1/teams/\(uniqueID("missing"))", role: "dispatcher", status: 404)
        try await check("POST", "/v1/rulesets", "/v1/rulesets", role: "admin", json: ["rules": []], status: 422)
        try await check("GET", "/v1/follow-ups", "/v1/follow-ups?limit=0", role: "dispatcher", status: 422)
        #expect(checked == 23)
    }

    /// The checker above finds what it is there to find (else the test could not fail).
    @Test func theSchemaCheckFindsMissingMembersWrongTypesAndValuesOutsideAnEnum() {
        let document: JSONValue = ["components": ["schemas": [
            "Team": ["type": "object", "required": ["team_id", "status"], "properties": [
                "team_id": ["type": "string"], "status": ["enum": ["available", "busy"]],
                "eta_minutes": ["type": ["number", "null"]], "location": ["$ref": "#/components/schemas/Point"],
            ]],
            "Point": ["type": "object", "required": ["lat"], "properties": ["lat": ["type": "number"]]],
        ]]]
        let validator = SchemaValidator(document: document)
        let list: JSONValue = ["type": "array", "items": ["$ref": "#/components/schemas/Team"]]
        #expect(validator.violations(of: [["team_id": "t", "status": "busy", "eta_minutes": .null, "location": ["lat": 1]]], against: list) == [])
        let found = validator.violations(of: [["team_id": 7, "status": "asleep", "eta_minutes": "soon", "location": [:]]], against: list)
        #expect(found.count == 4, "\(found)")
        #expect(validator.violations(of: [["status": "busy"]], against: list) == ["$[0].team_id: is required"])
    }
}
