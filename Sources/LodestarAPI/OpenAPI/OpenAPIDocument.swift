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
            "description": "Operations and routing backend of a behavioural-health crisis system (988): contact events and their routing, contacts, regions, teams, dispatch, follow-ups, reports, audit, the board stream.",
        ],
        "components": ["securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]], "schemas": merged(schemas, dispatchSchemas)],
        "security": [["bearer": []]],
        "paths": withProtocolErrors(merged(paths, dispatchPaths)),
    ]

    /// What any request may be answered before its route sees it, as every operation's
    /// `default` response: the HTTP layer's problems (SPEC §2), whatever the route.
    static let protocolErrors = problem(
        "problem details from the HTTP layer, for any route: 400 a malformed request or more than one Authorization header; "
            + "405 a method the path does not take; 408 a client too slow; 413 a body over the limit; "
            + "415 a body declared as another media type or encoded; 431 a request head over the limit; 503 the database is unreachable")

    /// `paths` with `protocolErrors` as the `default` response of every operation.
    private static func withProtocolErrors(_ paths: JSONValue) -> JSONValue {
        guard let items = paths.objectValue else { return paths }
        return .object(JSONObject(items.pairs.map { path, item in
            guard let operations = item.objectValue else { return (path, item) }
            return (path, .object(JSONObject(operations.pairs.map { method, operation in
                guard var members = operation.objectValue, var responses = members["responses"]?.objectValue else { return (method, operation) }
                responses["default"] = protocolErrors
                members["responses"] = .object(responses)
                return (method, .object(members))
            })))
        }))
    }

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
                parameter("from", in: "query", schema: ["type": "string", "format": "date-time", "description": "absent: from the first entry"]),
                parameter("to", in: "query", schema: ["type": "string", "format": "date-time", "description": "absent: up to the newest entry"]),
                parameter("limit", in: "query", schema: ["type": "integer", "minimum": 1, "maximum": 10000, "default": 1000]),
                parameter("after", in: "query", schema: ["type": "string", "description": "the cursor of a previous page's next link"]),
            ],
            "responses": responses(ok: "a page of entries", schema: "AuditPage", errors: [401, 403, 422, 503]),
        ]],
        "/v1/stream": ["get": [
            "summary": "Server-Sent Events of board changes (dispatch, team, follow_up, signal) from every process (roles dispatcher, manager). With Last-Event-ID, the changes missed come first, in order.",
            "parameters": [
                parameter("Last-Event-ID", in: "header", schema: ["type": "string", "description": "the id of the last event received"]),
            ],
            "responses": [
                "200": ["description": "an endless text/event-stream: `id`, `event` (the kind) and `data` (the resource as JSON) per change, comments as heartbeats",
                        "content": ["text/event-stream": ["schema": ["type": "string"]]]],
                "401": problem("no valid token"), "403": problem("wrong role"),
                "422": problem("a query parameter was given (the route takes none)"), "503": problem("the database is unreachable"),
            ],
        ]],
        "/v1/follow-ups": [
            "post": [
                "summary": "Create a follow-up for a known contact (role dispatcher): due at due_at (which may be past: overdue at once), or within a duration of its creation (at, default now).",
                "requestBody": ["required": true, "content": ["application/json": ["schema": ["$ref": "#/components/schemas/NewFollowUp"]]]],
                "responses": responses(ok: "the follow-up, created", schema: "FollowUp", errors: [400, 401, 403, 404, 415, 422, 503], status: 201),
            ],
            "get": [
                "summary": "Follow-ups by due time (role dispatcher); every status when status is absent; the read is audited.",
                "parameters": [
                    parameter("status", in: "query", schema: ["enum": ["open", "overdue", "closed"], "description": "open includes overdue ones"]),
                    parameter("due_before", in: "query", schema: ["type": "string", "format": "date-time"]),
                    parameter("limit", in: "query", schema: ["type": "integer", "minimum": 1, "maximum": 1000, "default": 100]),
                ],
                "responses": responses(ok: "the follow-ups", schema: "FollowUpList", errors: [401, 403, 422, 503]),
            ],
        ],
        "/v1/follow-ups/{id}": ["get": [
            "summary": "A follow-up with its attempts (role dispatcher); the read is audited.",
            "parameters": [parameter("id", in: "path", required: true, schema: ["type": "string", "format": "uuid"])],
            "responses": responses(ok: "the follow-up", schema: "FollowUp", errors: [401, 403, 404, 422, 503]),
        ]],
        "/v1/follow-ups/{id}/attempts": ["post": [
            "summary": "Record an attempt to reach the person (role dispatcher): reached completes, declined declines, the configured number of unsuccessful attempts closes unable_to_reach.",
            "parameters": [parameter("id", in: "path", required: true, schema: ["type": "string", "format": "uuid"])],
            "requestBody": ["required": true, "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Attempt"]]]],
            "responses": responses(ok: "the updated follow-up", schema: "FollowUp", errors: [400, 401, 403, 404, 409, 415, 422, 503]),
        ]],
        "/v1/reports/indicators": ["get": [
            "summary": "Quality indicators over [from, to), grouped, with small cells suppressed (role manager; suppress=false for admins only).",
            "parameters": .array(reportParameters + [
                parameter("format", in: "query", schema: ["type": "string", "enum": ["json", "csv", "html"], "default": "json"]),
                parameter("suppress", in: "query", schema: ["type": "boolean", "default": true]),
            ]),
            "responses": [
                "200": ["description": "the report", "content": [
                    "application/json": ["schema": ["type": "object"]], "text/csv": ["schema": ["type": "string"]],
                    "text/html": ["schema": ["type": "string"]],
                ]],
                "401": problem("no valid token"), "403": problem("wrong role, or suppress=false without the admin role"),
                "422": problem("a parameter is malformed, unknown or contradictory"), "503": problem("the database is unreachable"),
            ],
        ]],
        "/v1/reports/spc": ["get": [
            "summary": "Statistical process control: a p-chart (rates) or XmR chart (times) per group, with signals (role manager).",
            "parameters": .array(reportParameters + [
                parameter("indicator", in: "query", required: true, schema: ["type": "string"]),
                parameter("period", in: "query", schema: ["type": "string", "enum": ["day", "week", "month"], "default": "week"]),
                parameter("baseline", in: "query", schema: ["type": "integer", "minimum": 1]),
                parameter("format", in: "query", schema: ["type": "string", "enum": ["json", "html"], "default": "json"]),
            ]),
            "responses": [
                "200": ["description": "the charts", "content": [
                    "application/json": ["schema": ["type": "object"]], "text/html": ["schema": ["type": "string"]],
                ]],
                "401": problem("no valid token"), "403": problem("wrong role"),
                "422": problem("a parameter is malformed, unknown or contradictory"), "503": problem("the database is unreachable"),
            ],
        ]],
        "/v1/rulesets": ["post": [
            "summary": "Validate a ruleset document and store it as the next version, inactive (role admin): 201 with the version and warnings for rules that can never fire; 422 with the path of every error.",
            "requestBody": ["required": true, "content": ["application/json": ["schema": ["type": "object"]]]],
            "responses": responses(ok: "the new version and its warnings", schema: "RulesetCreated", errors: [400, 401, 403, 415, 422, 503], status: 201),
        ]],
        "/v1/rulesets/active": ["get": [
            "summary": "The active ruleset (roles manager, admin).",
            "responses": responses(ok: "the ruleset", schema: "Ruleset", errors: [401, 403, 404, 422, 503]),
        ]],
        "/v1/rulesets/{version}": ["get": [
            "summary": "One ruleset version (roles manager, admin).",
            "parameters": [parameter("version", in: "path", required: true, schema: ["type": "integer", "minimum": 1])],
            "responses": responses(ok: "the ruleset", schema: "Ruleset", errors: [401, 403, 404, 422, 503]),
        ]],
        "/v1/rulesets/{version}/activate": ["post": [
            "summary": "Make this version the one every process routes with from the next decision on (role admin).",
            "parameters": [parameter("version", in: "path", required: true, schema: ["type": "integer", "minimum": 1])],
            "responses": responses(ok: "the ruleset, now active", schema: "Ruleset", errors: [401, 403, 404, 422, 503]),
        ]],
        "/v1/routing/simulate": ["post": [
            "summary": "Decide for a contact's facts under a ruleset (a version, an inline document, or the active one), explaining every rule tried; no side effects (role manager). A region named without region_type has the region's described type (urban if undescribed).",
            "requestBody": ["required": true, "content": ["application/json": ["schema": ["type": "object", "required": ["contact"],
                "properties": ["ruleset": ["oneOf": [["type": "integer"], ["type": "object"]]], "contact": ["type": "object"]]]]]],
            "responses": responses(ok: "the decision and its explanation", schema: "Simulation", errors: [400, 401, 403, 415, 422, 503]),
        ]],
        "/v1/routing/replay": ["post": [
            "summary": "Re-decide every contact whose latest assessment lies in [from, to) under a version, with the facts it had then; no side effects (role manager).",
            "requestBody": ["required": true, "content": ["application/json": ["schema": ["type": "object", "required": ["version", "from", "to"],
                "properties": ["version": ["type": "integer"], "from": ["type": "string", "format": "date-time"], "to": ["type": "string", "format": "date-time"]]]]]],
            "responses": responses(ok: "counts by recorded and replayed action, and the contacts whose decision would change", schema: "Replay", errors: [400, 401, 403, 415, 422, 503]),
        ]],
    ]

    private static let reportParameters: [JSONValue] = [
        parameter("from", in: "query", required: true, schema: ["type": "string", "format": "date-time"]),
        parameter("to", in: "query", required: true, schema: ["type": "string", "format": "date-time"]),
        parameter("tz", in: "query", schema: ["type": "string", "default": "UTC"]),
        parameter("group_by", in: "query", schema: ["type": "string", "description": "comma-separated dimensions"]),
    ]

    private static func operation(_ summary: String, public isPublic: Bool, ok: String) -> JSONValue {
        var members: [(String, JSONValue)] = [("summary", .string(summary)), ("responses", ["200": ["description": .string(ok)]])]
        if isPublic { members.append(("security", [])) }
        return .object(JSONObject(members))
    }

    private static func parameter(_ name: String, in location: String, required: Bool = false, schema: JSONValue) -> JSONValue {
        ["name": .string(name), "in": .string(location), "required": .bool(required), "schema": schema]
    }

    /// An error answer: problem details (SPEC §2), as every error is.
    static func problem(_ description: String) -> JSONValue {
        ["description": .string(description), "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]]]
    }

    private static func responses(ok: String, schema: String, errors: [Int], status: Int = 200) -> JSONValue {
        var members: [(String, JSONValue)] = [
            (String(status), ["description": .string(ok), "content": ["application/json": ["schema": ["$ref": .string("#/components/schemas/\(schema)")]]]]),
        ]
        for status in errors {
            members.append((String(status), problem("problem details")))
        }
        return .object(JSONObject(members))
    }

    private static let schemas: JSONValue = [
        "RulesetCreated": ["type": "object", "required": ["version", "warnings"], "properties": [
            "version": ["type": "integer"], "warnings": ["type": "array", "items": ["type": "object"]],
        ]],
        "Ruleset": ["type": "object", "required": ["version", "active", "created_at", "warnings", "document"], "properties": [
            "version": ["type": "integer"], "active": ["type": "boolean"], "created_at": ["type": "string", "format": "date-time"],
            "warnings": ["type": "array", "items": ["type": "object"]], "document": ["type": "object"],
        ]],
        "Simulation": ["type": "object", "required": ["decision", "explanation"], "properties": [
            "decision": ["type": "object"], "explanation": ["type": "array", "items": ["type": "object"]],
        ]],
        "Replay": ["type": "object", "required": ["contacts", "transitions", "changed"], "properties": [
            "contacts": ["type": "integer"], "transitions": ["type": "array", "items": ["type": "object"]],
            "changed": ["type": "array", "items": ["type": "object"]],
        ]],
        "Problem": ["type": "object", "required": ["type", "title", "status", "detail"], "properties": [
            "type": ["type": "string"], "title": ["type": "string"], "status": ["type": "integer"], "detail": ["type": "string"],
            "errors": ["type": "array", "items": ["type": "object", "required": ["path", "message"], "properties": [
                "path": ["type": "string"], "message": ["type": "string"],
            ]]],
        ]],
        "Event": ["type": "object", "required": ["event_id", "type", "contact_id", "occurred_at"], "properties": [
            "event_id": ["type": "string", "minLength": 1, "maxLength": 200],
            "source": ["type": "string", "minLength": 1, "maxLength": 200],
            "type": ["enum": ["contact.received", "contact.answered", "contact.abandoned", "contact.transferred", "contact.assessed", "contact.closed"]],
            "contact_id": ["type": "string", "minLength": 1, "maxLength": 200],
            "occurred_at": ["type": "string", "format": "date-time"],
            "data": ["type": "object"],
        ]],
        "IngestResponse": ["type": "object", "required": ["accepted", "duplicates", "results"], "properties": [
            "accepted": ["type": "integer"], "duplicates": ["type": "integer"],
            "results": ["type": "array", "items": ["type": "object", "required": ["event_id", "status"], "properties": [
                "event_id": ["type": "string"], "status": ["enum": ["accepted", "duplicate"]],
                "decision": ["$ref": "#/components/schemas/Decision"],
            ]]],
        ]],
        "Decision": ["type": "object", "required": ["contact_id", "ruleset_version", "rule_id", "action", "priority"], "properties": [
            "contact_id": ["type": "string"], "ruleset_version": ["type": "integer"], "rule_id": ["type": "string"],
            "action": ["enum": ["resolve_by_phone", "dispatch_mobile_team", "emergency_911", "refer", "transfer"]],
            "priority": ["enum": ["emergent", "urgent", "routine"]],
            "experiment": ["type": "object", "required": ["id", "arm"], "properties": ["id": ["type": "string"], "arm": ["type": "string"]]],
            "dispatch": ["type": "object", "required": ["id"], "properties": [
                "id": ["type": "integer"], "team_id": ["type": ["string", "null"]], "eta_minutes": ["type": ["number", "null"]],
            ]],
            "follow_up": ["type": "object", "required": ["id", "due_at"], "properties": [
                "id": ["type": "string", "format": "uuid"], "due_at": ["type": "string", "format": "date-time"],
            ]],
        ]],
        "Contact": ["type": "object", "required": ["contact_id", "state", "timeline", "decisions", "dispatches", "follow_ups"], "properties": [
            "contact_id": ["type": "string"], "state": ["type": "object"],
            "timeline": ["type": "array", "items": ["type": "object"]], "next": ["type": "string"],
            "decisions": ["type": "array", "items": ["$ref": "#/components/schemas/Decision"]],
            "dispatches": ["type": "array", "items": ["$ref": "#/components/schemas/Dispatch"]],
            "follow_ups": ["type": "array", "items": ["$ref": "#/components/schemas/FollowUp"]],
        ]],
        "AuditPage": ["type": "object", "required": ["entries"], "properties": [
            "entries": ["type": "array", "items": ["type": "object", "required": ["at", "actor", "action", "resource"], "properties": [
                "at": ["type": "string", "format": "date-time"], "actor": ["type": "string"], "action": ["type": "string"],
                "resource": ["type": "string"], "detail": [:],
            ]]],
            "next": ["type": "string"],
        ]],
        "NewFollowUp": ["type": "object", "required": ["contact_id"], "description": "exactly one of due_at and within", "properties": [
            "contact_id": ["type": "string", "minLength": 1, "maxLength": 200],
            "due_at": ["type": "string", "format": "date-time"],
            "within": ["type": "string", "format": "duration", "description": "ISO 8601, e.g. PT24H (weeks, days, hours, minutes, seconds)"],
            "at": ["type": "string", "format": "date-time", "description": "creation time, default now"],
        ]],
        "Attempt": ["type": "object", "required": ["outcome"], "properties": [
            "at": ["type": "string", "format": "date-time", "description": "default now; not before the creation or the previous attempt"],
            "outcome": ["enum": ["reached", "no_answer", "left_message", "declined", "wrong_number"]],
        ]],
        "FollowUp": ["type": "object", "required": ["id", "contact_id", "created_at", "due_at", "status", "overdue", "attempts", "closed_at"],
                     "properties": [
            "id": ["type": "string", "format": "uuid"], "contact_id": ["type": "string"],
            "created_at": ["type": "string", "format": "date-time"], "due_at": ["type": "string", "format": "date-time"],
            "status": ["enum": ["open", "completed", "declined", "unable_to_reach"]],
            "overdue": ["type": "boolean", "description": "open and past due_at"],
            "attempts": ["type": "array", "items": ["type": "object", "required": ["at", "outcome"], "properties": [
                "at": ["type": "string", "format": "date-time"],
                "outcome": ["enum": ["reached", "no_answer", "left_message", "declined", "wrong_number"]],
            ]]],
            "closed_at": ["type": ["string", "null"], "format": "date-time"],
        ]],
        "FollowUpList": ["type": "object", "required": ["follow_ups"], "properties": [
            "follow_ups": ["type": "array", "items": ["$ref": "#/components/schemas/FollowUp"]],
        ]],
    ]
}
