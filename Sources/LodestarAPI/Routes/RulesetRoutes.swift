import HTTP
import JSON
import LodestarCore
import LodestarStore
import Time

/// Ruleset versions (SPEC §5): `POST /v1/rulesets` validates and stores a new inactive
/// version, `POST /v1/rulesets/{version}/activate` makes it the one routing uses from the next
/// decision on, in every process; `GET /v1/rulesets/active` and `GET /v1/rulesets/{version}`.
enum RulesetRoutes {
    static func register(in builder: inout PipelineBuilder<APIRequestContext>, context: APIContext) {
        builder.add("POST", "/v1/rulesets", access: .roles([.admin])) { request, requestContext in
            try QueryReader.rejectAny(in: request)
            let principal = try requestContext.principal
            let document = try request.jsonBody()
            let ruleset: Ruleset
            do throws(ValidationFailure) {
                ruleset = try Ruleset(validating: document)
            } catch {
                throw Problem.validation(error.issues.map { (path: $0.path, message: $0.message) })
            }
            let stored = try await context.database.rulesets.create(
                document: document, warnings: warningsJSON(ruleset.warnings), by: principal.name)
            return .json(["version": .int(Int64(stored.version)), "warnings": stored.warnings], status: 201)
        }

        builder.add("POST", "/v1/rulesets/{version}/activate", access: .roles([.admin])) { request, requestContext in
            try QueryReader.rejectAny(in: request)
            let principal = try requestContext.principal
            guard let version = version(requestContext),
                  try await context.database.rulesets.activate(version, by: principal.name),
                  let stored = try await context.database.rulesets.ruleset(version)
            else { throw Problem.notFound("No ruleset has this version.") }
            return .json(json(stored))
        }

        builder.add("GET", "/v1/rulesets/active", access: .roles([.manager])) { request, _ in
            try QueryReader.rejectAny(in: request)
            guard let stored = try await context.database.rulesets.active() else {
                throw Problem.notFound("No ruleset is active.")
            }
            return .json(json(stored))
        }

        builder.add("GET", "/v1/rulesets/{version}", access: .roles([.manager])) { request, requestContext in
            try QueryReader.rejectAny(in: request)
            guard let version = version(requestContext), let stored = try await context.database.rulesets.ruleset(version) else {
                throw Problem.notFound("No ruleset has this version.")
            }
            return .json(json(stored))
        }
    }

    /// The path's version: a positive decimal integer, else nil (404: no such resource).
    private static func version(_ requestContext: APIRequestContext) -> Int? {
        guard let text = requestContext.parameters["version"], (1...9).contains(text.utf8.count),
              text.utf8.allSatisfy({ (48...57).contains($0) }), let version = Int(text), version >= 1
        else { return nil }
        return version
    }

    /// `{"version", "active", "created_at", "warnings", "document"}`.
    static func json(_ stored: StoredRuleset) -> JSONValue {
        [
            "version": .int(Int64(stored.version)), "active": .bool(stored.active),
            "created_at": .string(stored.createdAt.rfc3339), "warnings": stored.warnings, "document": stored.document,
        ]
    }

    /// Warnings as `[{"path", "message"}]`, as errors are written.
    static func warningsJSON(_ warnings: [ValidationIssue]) -> JSONValue {
        .array(warnings.map { .object(JSONObject([("path", .string($0.path)), ("message", .string($0.message))])) })
    }
}
