import HTTP
import JSON
import LodestarCore
import LodestarStore

/// `GET /v1/audit?from=&to=&limit=` (admin): audit entries in `[from, to)`, oldest first.
enum AuditRoutes {
    static func register(in builder: inout PipelineBuilder<APIRequestContext>, context: APIContext) {
        builder.add("GET", "/v1/audit", access: .roles([.admin])) { request, _ in
            var query = QueryReader(request)
            let from = query.timestamp("from", required: true)
            let to = query.timestamp("to", required: true)
            let limit = query.integer("limit", in: 1...10_000) ?? 1000
            if let from, let to, from >= to { query.fail("to", "must be after from") }
            guard let from, let to, query.errors.isEmpty else { throw Problem.validation(query.errors) }
            let entries = try await context.audit.entries(from: from, to: to, limit: limit)
            return .json(["entries": .array(entries.map(\.json))])
        }
    }
}
