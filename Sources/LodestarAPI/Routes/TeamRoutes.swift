import HTTP
import JSON
import LodestarCore
import LodestarStore
import Loop
import Time

/// Mobile teams (SPEC §4): `PUT /v1/teams/{team_id}` (admin; 201 new, 200 replaced),
/// `POST /v1/teams/{team_id}/status` (dispatcher: a team's status and location), and
/// `GET /v1/teams` and `GET /v1/teams/{team_id}` (dispatcher).
enum TeamRoutes {
    static let defaultLimit = 100
    static let maxLimit = 1000

    static func register(in builder: inout PipelineBuilder<APIRequestContext>, context: APIContext) {
        builder.add("PUT", "/v1/teams/{team_id}", access: .roles([.admin])) { request, requestContext in
            try QueryReader.rejectAny(in: request)
            let principal = try requestContext.principal
            let id = try requestContext.identifierToDescribe("team_id")
            let body = try request.jsonBody()
            do {
                let description = try TeamDescription.validate(body: body, id: id)
                let (team, created) = try await context.database.teams.describe(description, now: now(), by: principal.name)
                return .json(team.json, status: created ? 201 : 200)
            } catch {
                throw DispatchProblems.map(error)
            }
        }
        builder.add("POST", "/v1/teams/{team_id}/status", access: .roles([.dispatcher])) { request, requestContext in
            try QueryReader.rejectAny(in: request)
            let principal = try requestContext.principal
            let id = try Self.teamID(requestContext)
            let body = try request.jsonBody()
            do {
                let report = try TeamStatusReport.validate(body: body, now: now())
                return .json(try await context.database.teams.report(report, teamID: id, by: principal.name).json)
            } catch {
                throw DispatchProblems.map(error)
            }
        }
        builder.add("GET", "/v1/teams/{team_id}", access: .roles([.dispatcher])) { request, requestContext in
            try QueryReader.rejectAny(in: request)
            guard let team = try await context.database.teams.team(try Self.teamID(requestContext)) else { throw Problem.notFound("No team with this id is known.") }
            return .json(team.json)
        }
        builder.add("GET", "/v1/teams", access: .roles([.dispatcher])) { request, _ in
            var query = QueryReader(request)
            let status = query.choice("status", as: TeamStatus.self)
            let region = query.string("region")
            if let region, !Identifier.isValid(region) { query.fail("region", "must be a region code") }
            let capabilities = query.identifierList("capability") ?? []
            let near = query.place("near")
            let limit = query.integer("limit", in: 1...maxLimit) ?? defaultLimit
            guard query.errors.isEmpty else { throw Problem.validation(query.errors) }
            let listings = try await context.database.teams.list(status: status, region: region, capabilities: capabilities, near: near, limit: limit)
            return .json(json(listings))
        }
    }

    /// `{"teams": [...]}`, each team with `distance_km` and `eta_minutes` when a place was asked
    /// about; written member by member (a list of a hundred teams built as values first cost
    /// as much again in allocation).
    static func json(_ listings: [TeamListing]) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 64 + listings.count * 240)
        writer.beginObject()
        writer.key("teams")
        writer.beginArray()
        for listing in listings {
            writer.beginObject()
            listing.team.writeMembers(to: &writer)
            if let distance = listing.distanceKm, let eta = listing.etaMinutes {
                writer.key("distance_km")
                writer.double(distance)
                writer.key("eta_minutes")
                writer.double(eta)
            }
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }

    /// The path's team id; one that breaks the identifier rule names no team (404).
    private static func teamID(_ context: APIRequestContext) throws(Problem) -> String {
        let id = context.parameters["team_id"] ?? ""
        guard Identifier.isValid(id) else { throw Problem.notFound("No team with this id is known.") }
        return id
    }

    static func now() -> Timestamp {
        Timestamp(microseconds: WallClock.microsecondsSinceEpoch)
    }
}
