import JSON

/// The regions, teams and dispatch routes of the OpenAPI document (SPEC §4).
extension OpenAPIDocument {
    static let dispatchPaths: JSONValue = [
        "/v1/regions": ["get": [
            "summary": "Every described region, by code (roles dispatcher, manager).",
            "responses": answers([200: ("the regions", "RegionList")], errors: [401, 403, 422, 503]),
        ]],
        "/v1/regions/{code}": [
            "put": [
                "summary": "Describe a region (role admin): 201 when new, 200 when replaced. The target defaults to 60 (urban) or 120 minutes; the time zone must be in the tz database (422).",
                "parameters": [path("code")],
                "requestBody": body("RegionDescription"),
                "responses": answers([200: ("the region, replaced", "Region"), 201: ("the region, new", "Region")], errors: [400, 401, 403, 404, 415, 422, 503]),
            ],
            "get": [
                "summary": "A described region (roles dispatcher, manager); one never described is 404 and counts as urban in UTC.",
                "parameters": [path("code")],
                "responses": answers([200: ("the region", "Region")], errors: [401, 403, 404, 422, 503]),
            ],
        ],
        "/v1/teams": ["get": [
            "summary": "Teams matching every filter given (role dispatcher); with near, nearest first with distance_km and eta_minutes, else by id.",
            "parameters": [
                query("status", ["enum": ["available", "busy", "off_duty", "out_of_service"]]),
                query("region", ["type": "string", "description": "teams covering this region (a team listing none covers all)"]),
                query("capability", ["type": "string", "description": "comma-separated capabilities, all required"]),
                query("near", ["type": "string", "description": "lat,lon in decimal degrees"]),
                query("limit", ["type": "integer", "minimum": 1, "maximum": 1000, "default": 100]),
            ],
            "responses": answers([200: ("the teams", "TeamList")], errors: [401, 403, 422, 503]),
        ]],
        "/v1/teams/{team_id}": [
            "put": [
                "summary": "Describe a team (role admin): 201 when new (available at its base), 200 when replaced (status and location kept).",
                "parameters": [path("team_id")],
                "requestBody": body("TeamDescription"),
                "responses": answers([200: ("the team, replaced", "Team"), 201: ("the team, new", "Team")], errors: [400, 401, 403, 404, 415, 422, 503]),
            ],
            "get": [
                "summary": "A team (role dispatcher).",
                "parameters": [path("team_id")],
                "responses": answers([200: ("the team", "Team")], errors: [401, 403, 404, 422, 503]),
            ],
        ],
        "/v1/teams/{team_id}/status": ["post": [
            "summary": "A team's status and/or location (role dispatcher). A busy team may report a location only (409 otherwise); a report stating an at older than the last is 422 (without at: now, never earlier than the last). A team available afterwards takes the first queued dispatch it fits.",
            "parameters": [path("team_id")],
            "requestBody": body("TeamStatusReport"),
            "responses": answers([200: ("the team", "Team")], errors: [400, 401, 403, 404, 409, 415, 422, 503]),
        ]],
        "/v1/dispatches": [
            "post": [
                "summary": "Request a mobile team (role dispatcher): assigned to the team named (404 unknown, 409 not available) or the best available one, else queued.",
                "requestBody": body("DispatchRequest"),
                "responses": answers([201: ("the dispatch", "Dispatch")], errors: [400, 401, 403, 404, 409, 415, 422, 503]),
            ],
            "get": [
                "summary": "The dispatch board (role dispatcher): open dispatches emergent first then oldest requested; closed ones newest first; the read is audited.",
                "parameters": [
                    query("status", ["enum": ["open", "queued", "closed", "requested", "assigned", "en_route", "on_scene", "completed", "cancelled"], "default": "open"]),
                    query("limit", ["type": "integer", "minimum": 1, "maximum": 1000, "default": 100]),
                    query("after", ["type": "string", "description": "the cursor of a previous page's next link"]),
                ],
                "responses": answers([200: ("a page of the board", "DispatchBoard")], errors: [401, 403, 422, 503]),
            ],
        ],
        "/v1/dispatches/{id}": ["get": [
            "summary": "A dispatch (role dispatcher); the read is audited.",
            "parameters": [path("id")],
            "responses": answers([200: ("the dispatch", "Dispatch")], errors: [401, 403, 404, 422, 503]),
        ]],
        "/v1/dispatches/{id}/events": ["post": [
            "summary": "A step of the dispatch's lifecycle (role dispatcher): 409 with allowed for an illegal step, 422 for an at earlier than the previous step (without at: now, never earlier than the previous step).",
            "parameters": [path("id")],
            "requestBody": body("DispatchStep"),
            "responses": answers([200: ("the dispatch after the step", "Dispatch")], errors: [400, 401, 403, 404, 409, 415, 422, 503]),
        ]],
    ]

    static let dispatchSchemas: JSONValue = [
        "Point": ["type": "object", "required": ["lat", "lon"], "properties": [
            "lat": ["type": "number", "minimum": -90, "maximum": 90], "lon": ["type": "number", "minimum": -180, "maximum": 180],
        ]],
        "RegionDescription": ["type": "object", "required": ["name", "type", "timezone"], "properties": [
            "name": ["type": "string"], "type": ["enum": ["urban", "rural", "frontier"]], "timezone": ["type": "string"],
            "response_target_minutes": ["type": "integer", "minimum": 1, "maximum": 10080],
        ]],
        "Region": ["type": "object", "required": ["code", "name", "type", "timezone", "response_target_minutes"], "properties": [
            "code": ["type": "string"], "name": ["type": "string"], "type": ["enum": ["urban", "rural", "frontier"]],
            "timezone": ["type": "string"], "response_target_minutes": ["type": "integer"],
        ]],
        "RegionList": ["type": "object", "required": ["regions"], "properties": ["regions": ["type": "array", "items": ["$ref": "#/components/schemas/Region"]]]],
        "TeamDescription": ["type": "object", "required": ["name", "base"], "properties": [
            "name": ["type": "string"], "capabilities": strings, "regions": strings, "base": ["$ref": "#/components/schemas/Point"],
        ]],
        "TeamStatusReport": ["type": "object", "properties": [
            "status": ["enum": ["available", "off_duty", "out_of_service"]], "location": ["$ref": "#/components/schemas/Point"],
            "at": ["type": "string", "format": "date-time"],
        ]],
        "Team": ["type": "object", "required": ["team_id", "name", "status", "capabilities", "regions", "location"], "properties": [
            "team_id": ["type": "string"], "name": ["type": "string"], "status": ["enum": ["available", "busy", "off_duty", "out_of_service"]],
            "capabilities": strings, "regions": strings, "location": ["$ref": "#/components/schemas/Point"],
            "distance_km": ["type": "number"], "eta_minutes": ["type": "number"],
        ]],
        "TeamList": ["type": "object", "required": ["teams"], "properties": ["teams": ["type": "array", "items": ["$ref": "#/components/schemas/Team"]]]],
        "DispatchRequest": ["type": "object", "required": ["contact_id"], "properties": [
            "contact_id": ["type": "string"], "team_id": ["type": "string"],
            "priority": ["enum": ["emergent", "urgent", "routine"], "default": "urgent"], "requires": strings,
            "at": ["type": "string", "format": "date-time"],
        ]],
        "DispatchStep": ["type": "object", "required": ["type"], "properties": [
            "type": ["enum": ["assigned", "en_route", "on_scene", "completed", "cancelled"]], "at": ["type": "string", "format": "date-time"],
            "team_id": ["type": "string", "description": "assigned only; without it, the best available team (409 when none is)"],
            "outcome": ["enum": ["stabilized_in_community", "transported_voluntary", "transported_involuntary", "referred", "law_enforcement_custody", "other"]],
            "law_enforcement_involved": ["type": "boolean"],
        ]],
        "Dispatch": ["type": "object", "required": [
            "id", "contact_id", "status", "priority", "requires", "team_id", "eta_minutes", "requested_at", "assigned_at", "en_route_at",
            "on_scene_at", "completed_at", "cancelled_at", "outcome", "law_enforcement_involved",
        ], "properties": [
            "id": ["type": "integer"], "contact_id": ["type": "string"],
            "status": ["enum": ["requested", "assigned", "en_route", "on_scene", "completed", "cancelled"]],
            "priority": ["enum": ["emergent", "urgent", "routine"]], "requires": strings, "team_id": ["type": ["string", "null"]],
            "eta_minutes": ["type": ["number", "null"]], "requested_at": time, "assigned_at": time, "en_route_at": time,
            "on_scene_at": time, "completed_at": time, "cancelled_at": time, "outcome": ["enum": [
                "stabilized_in_community", "transported_voluntary", "transported_involuntary", "referred", "law_enforcement_custody", "other", .null,
            ]],
            "law_enforcement_involved": ["type": ["boolean", "null"]],
        ]],
        "DispatchBoard": ["type": "object", "required": ["dispatches"], "properties": [
            "dispatches": ["type": "array", "items": ["allOf": [["$ref": "#/components/schemas/Dispatch"], ["type": "object", "required": ["elapsed_minutes", "target_minutes", "breached"], "properties": [
                "elapsed_minutes": ["type": "number"], "target_minutes": ["type": "integer"], "breached": ["type": "boolean"],
            ]]]]],
            "next": ["type": "string"],
        ]],
    ]

    private static let strings: JSONValue = ["type": "array", "items": ["type": "string"]]
    private static let time: JSONValue = ["type": ["string", "null"], "format": "date-time"]

    private static func path(_ name: String) -> JSONValue {
        ["name": .string(name), "in": "path", "required": true, "schema": ["type": "string"]]
    }

    private static func query(_ name: String, _ schema: JSONValue) -> JSONValue {
        ["name": .string(name), "in": "query", "required": false, "schema": schema]
    }

    private static func body(_ schema: String) -> JSONValue {
        ["required": true, "content": ["application/json": ["schema": ["$ref": .string("#/components/schemas/\(schema)")]]]]
    }

    private static func answers(_ successes: [Int: (String, String)], errors: [Int]) -> JSONValue {
        var members: [(String, JSONValue)] = successes.sorted { $0.key < $1.key }.map { status, answer in
            (String(status), ["description": .string(answer.0), "content": ["application/json": ["schema": ["$ref": .string("#/components/schemas/\(answer.1)")]]]])
        }
        for status in errors {
            members.append((String(status), problem("problem details")))
        }
        return .object(JSONObject(members))
    }

    /// The members of two objects in one (`extra`'s after `base`'s).
    static func merged(_ base: JSONValue, _ extra: JSONValue) -> JSONValue {
        .object(JSONObject((base.objectValue?.pairs ?? []).map { ($0.key, $0.value) } + (extra.objectValue?.pairs ?? []).map { ($0.key, $0.value) }))
    }
}
