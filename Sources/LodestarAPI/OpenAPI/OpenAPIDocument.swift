import JSON

/// The OpenAPI 3.1 document of the API as it is served (SPEC §2: `GET /openapi.json`).
///
/// Written by hand beside the routes; `OpenAPIRouteTests` keeps it true: every route the
/// application registers is in it, and it names no route that is not registered.
enum OpenAPIDocument {
    static let json: JSONValue = [
        "openapi": "3.1.0",
        "info": [
            "title": "Lodestar",
            "version": "0.6",
            "description": "Operations and routing backend of a behavioural-health crisis system (988): contact events, contacts, regions, teams, dispatch, audit.",
        ],
        "components": ["securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]], "schemas": merged(schemas, dispatchSchemas)],
        "security": [["bearer": []]],
        "paths": merged(paths, dispatchPaths),
    ]

    private static let paths: JSONValue = [
        "/healthz": ["get": operation("The process is alive.", public: true, ok: "`{\"status\": \"ok\"}`")],
        "/readyz": ["get": operation("The database answers and its schema is current (else 503 with Retry-After).", public: true, ok: "ready")],
        "/metrics": ["get": operation("Request counts and latencies in the Prometheus text format.", public: true, ok: "Prometheus text")],
        "/openapi.json": ["get": operation("This document.", public: true, ok: "the OpenAPI document")],
        "/v1/events": ["post": [
            "summary": "Ingest one event or a batch of up to 1000 (role ingest); answered after COMMIT.",
            "requestBody": ["required": true, "content": ["application/json": ["schema": ["oneOf": [
                ["$ref": "#/components/schemas/Event"],
                ["type": "object", "required": ["events"], "properties": ["events": ["type": "array", "items": ["$ref": "#/components/schemas/Event"]]]],
            ]]]]],
            "responses": responses(ok: "accepted and duplicate events", schema: "IngestResponse", errors: [400, 401, 403, 409, 413, 415, 422, 503]),
        ]],
        "/v1/contacts/{contact_id}": ["get": [
            "summary": "A contact's state and a page of its timeline (roles dispatcher, manager); the read is audited.",
            "parameters": [
                parameter("contact_id", in: "path", required: true, schema: ["type": "string", "minLength": 1, "maxLength": 200]),
                parameter("timeline_limit", in: "query", schema: ["type": "integer", "minimum": 1, "maximum": 1000, "default": 500]),
                parameter("after", in: "query", schema: ["type": "string", "description": "the cursor of a previous page's next link"]),
            ],
            "responses": responses(ok: "the contact", schema: "Contact", errors: [401, 403, 404, 422, 503]),
        ]],
        "/v1/audit": ["get": [
            "summary": "The audit log in [from, to), oldest first (role admin); the read is audited.",
            "parameters": [
                parameter("from", in: "query", required: true, schema: ["type": "string", "format": "date-time"]),
                parameter("to", in: "query", required: true, schema: ["type": "string", "format": "date-time"]),
                parameter("limit", in: "query", schema: ["type": "integer", "minimum": 1, "maximum": 10000, "default": 1000]),
                parameter("after", in: "query", schema: ["type": "string", "description": "the cursor of a previous page's next link"]),
            ],
            "responses": responses(ok: "a page of entries", schema: "AuditPage", errors: [401, 403, 422, 503]),
        ]],
    ]

    private static func operation(_ summary: String, public isPublic: Bool, ok: String) -> JSONValue {
        var members: [(String, JSONValue)] = [("summary", .string(summary)), ("responses", ["200": ["description": .string(ok)]])]
        if isPublic { members.append(("security", [])) }
        return .object(JSONObject(members))
    }

    private static func parameter(_ name: String, in location: String, required: Bool = false, schema: JSONValue) -> JSONValue {
        ["name": .string(name), "in": .string(location), "required": .bool(required), "schema": schema]
    }

    private static func responses(ok: String, schema: String, errors: [Int]) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("200", ["description": .string(ok), "content": ["application/json": ["schema": ["$ref": .string("#/components/schemas/\(schema)")]]]]),
        ]
        for status in errors {
            members.append((String(status), ["description": "problem details", "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]]]))
        }
        return .object(JSONObject(members))
    }

    private static let schemas: JSONValue = [
        "Problem": ["type": "object", "required": ["type", "title", "status", "detail"], "properties": [
            "type": ["type": "string"], "title": ["type": "string"], "status": ["type": "integer"], "detail": ["type": "string"],
            "errors": ["type": "array", "items": ["type": "object", "properties": ["path": ["type": "string"], "message": ["type": "string"]]]],
        ]],
        "Event": ["type": "object", "required": ["event_id", "type", "contact_id", "occurred_at"], "properties": [
            "event_id": ["type": "string", "minLength": 1, "maxLength": 200],
            "source": ["type": "string", "minLength": 1, "maxLength": 200],
            "type": ["enum": ["contact.received", "contact.answered", "contact.abandoned", "contact.transferred", "contact.assessed", "contact.closed"]],
            "contact_id": ["type": "string", "minLength": 1, "maxLength": 200],
            "occurred_at": ["type": "string", "format": "date-time"],
            "data": ["type": "object"],
        ]],
        "IngestResponse": ["type": "object", "properties": [
            "accepted": ["type": "integer"], "duplicates": ["type": "integer"],
            "results": ["type": "array", "items": ["type": "object", "properties": [
                "event_id": ["type": "string"], "status": ["enum": ["accepted", "duplicate"]], "decision": ["type": "object"],
            ]]],
        ]],
        "Contact": ["type": "object", "properties": [
            "contact_id": ["type": "string"], "state": ["type": "object"],
            "timeline": ["type": "array", "items": ["type": "object"]], "next": ["type": "string"],
            "decisions": ["type": "array"], "dispatches": ["type": "array"], "follow_ups": ["type": "array"],
        ]],
        "AuditPage": ["type": "object", "properties": [
            "entries": ["type": "array", "items": ["type": "object", "properties": [
                "at": ["type": "string", "format": "date-time"], "actor": ["type": "string"], "action": ["type": "string"],
                "resource": ["type": "string"], "detail": [:],
            ]]],
            "next": ["type": "string"],
        ]],
    ]
}
