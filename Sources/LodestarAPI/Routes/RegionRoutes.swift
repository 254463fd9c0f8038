import HTTP
import JSON
import LodestarCore
import LodestarStore
import ZoneInfo

/// `PUT /v1/regions/{code}` (admin) describes a region: 201 with it when new, 200 when it
/// replaced a description. `GET /v1/regions/{code}` and `GET /v1/regions` (dispatcher, manager)
/// read described regions; a code never described is 404 there, and counts as urban in UTC
/// everywhere else (SPEC §4).
enum RegionRoutes {
    static let maxRegions = 10_000

    static func register(in builder: inout PipelineBuilder<APIRequestContext>, context: APIContext) {
        builder.add("PUT", "/v1/regions/{code}", access: .roles([.admin])) { request, requestContext in
            try QueryReader.rejectAny(in: request)
            let principal = try requestContext.principal
            let code = try requestContext.identifierToDescribe("code")
            let body = try request.jsonBody()
            do {
                let region = try Region.validate(body: body, code: code, zoneProblem: Self.zoneProblem)
                let created = try await context.database.regions.put(region, by: principal.name)
                return .json(region.json, status: created ? 201 : 200)
            } catch {
                throw DispatchProblems.map(error)
            }
        }
        builder.add("GET", "/v1/regions/{code}", access: .roles([.dispatcher, .manager])) { request, requestContext in
            try QueryReader.rejectAny(in: request)
            guard let region = try await context.database.regions.region(try Self.code(requestContext)) else {
                throw Problem.notFound("No region with this code has been described.")
            }
            return .json(region.json)
        }
        builder.add("GET", "/v1/regions", access: .roles([.dispatcher, .manager])) { request, _ in
            let query = QueryReader(request)
            guard query.errors.isEmpty else { throw Problem.validation(query.errors) }
            let regions = try await context.database.regions.regions(limit: maxRegions)
            return .json(["regions": .array(regions.map { $0.json })])
        }
    }

    /// Why the system's tz database refuses a time-zone name, or nil when it knows it.
    private static func zoneProblem(_ name: String) -> String? {
        do {
            _ = try ZoneInfoDatabase.system.rules(named: name)
            return nil
        } catch {
            return "must be an IANA time-zone name this server knows, e.g. America/Chicago: \(error)"
        }
    }

    /// The path's region code; one that breaks the identifier rule names no region (404).
    private static func code(_ context: APIRequestContext) throws(Problem) -> String {
        let code = context.parameters["code"] ?? ""
        guard Identifier.isValid(code) else { throw Problem.notFound("No region with this code has been described.") }
        return code
    }
}
