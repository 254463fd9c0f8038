import JSON
public import LodestarCore
public import Loop
import Postgres
public import Time

/// Mobile teams (SPEC §4): described by admins, reporting status and location from their
/// devices, found by dispatchers. Every write takes `DispatchLock` (a team that ends up
/// available is offered the queue at once), and writes its audit row and stream change in its
/// own transaction.
@LoopActor
public final class TeamStore {
    let pool: PostgresPool
    let eta: ETAModel

    let appends: ChangeAppends

    init(pool: PostgresPool, eta: ETAModel, appends: ChangeAppends) {
        self.pool = pool
        self.eta = eta
        self.appends = appends
    }

    /// Describes a team, new (available from `now`) or known (keeping its status and
    /// location). Returns the team as it is afterwards (busy if, available, it took a queued
    /// dispatch its new description fits, assigned at `now`) and whether it is new.
    public func describe(_ description: TeamDescription, now: Timestamp, by actor: String) async throws -> (team: Team, created: Bool) {
        try await pool.transaction { tx in
            let rows = try await tx.pipeline { batch in
                batch.add(DispatchLock.sql)
                batch.add(TeamSQL.one, [description.id])
            }
            try rows.check()
            let known = try rows.rows(at: 1).first.map { try TeamSQL.team($0) }
            var team = known ?? Team(description: description, describedAt: now)
            team.redescribe(description)
            var writes = DispatchWrites()
            writes.audit(AuditEntry(actor: actor, action: "team.put", resource: "team/\(team.id)",
                                    detail: ["created": .bool(known == nil)]))
            try await DispatchQueueOffer(eta: eta).offer(to: &team, at: now, actor: actor, in: tx, writes: &writes)
            writes.write(team)
            try await writes.commit(in: tx, eta: eta)
            appends.committed()
            return (team, known == nil)
        }
    }

    /// Applies a team's report. Throws `TeamNotFound`, `TeamBusy` (a busy team reporting another
    /// status: only completing or cancelling its dispatch frees it) or
    /// `TeamReportRejected.earlierThanLastReport` (a stated time only: a report without one is
    /// timed under `DispatchLock`, after the team's last report). A team available afterwards
    /// takes the first queued dispatch it fits, so the team returned may be busy.
    public func report(_ report: TeamStatusReport, teamID: String, by actor: String) async throws -> Team {
        try await pool.transaction { tx in
            let rows = try await tx.pipeline { batch in
                batch.add(DispatchLock.sql)
                batch.add(TeamSQL.one, [teamID])
                batch.add("SELECT id FROM dispatches WHERE team_id = $1 AND status IN ('assigned', 'en_route', 'on_scene')", [teamID])
            }
            try rows.check()
            guard let row = try rows.rows(at: 1).first else { throw TeamNotFound(teamID: teamID) }
            var team = try TeamSQL.team(row)
            let at: Timestamp
            do {
                at = try team.apply(report)
            } catch TeamReportRejected.busy {
                throw TeamBusy(teamID: teamID, dispatchID: try rows.rows(at: 2).first?[0].int64)
            }
            var writes = DispatchWrites()
            var detail: [(String, JSONValue)] = [("status", .string(team.status.rawValue))]
            if report.location != nil { detail.append(("location", true)) }
            writes.audit(AuditEntry(actor: actor, action: "team.status", resource: "team/\(teamID)", detail: .object(JSONObject(detail))))
            try await DispatchQueueOffer(eta: eta).offer(to: &team, at: at, actor: actor, in: tx, writes: &writes)
            writes.write(team)
            try await writes.commit(in: tx, eta: eta)
            appends.committed()
            return team
        }
    }

    /// The team, nil for an unknown id.
    public func team(_ id: String) async throws -> Team? {
        try await pool.query(TeamSQL.one, [id]).first.map { try TeamSQL.team($0) }
    }

    /// Teams matching every filter given (a status; covering a region; having all of
    /// `capabilities`), at most `limit`: nearest to `near` first with their distance and ETA, or
    /// by id without a place.
    public func list(status: TeamStatus?, region: String?, capabilities: [String], near: GeoPoint?, limit: Int) async throws -> [TeamListing] {
        guard let near else {
            let rows = try await pool.query(TeamSearchSQL.byID, [status?.rawValue, region, capabilities, limit])
            return try rows.map { TeamListing(team: try TeamSQL.team($0), distanceKm: nil, etaMinutes: nil) }
        }
        let rows = try await pool.query(TeamSearchSQL.near, [status?.rawValue, region, capabilities, TeamSearchSQL.point(near), limit])
        let listings = try rows.map { row in
            let team = try TeamSQL.team(row)
            let distance = team.position.distanceKm(to: near)
            return TeamListing(team: team, distanceKm: distance, etaMinutes: eta.minutes(forDistanceKm: distance))
        }
        // The index ranks by chord, as the distance does; equal distances (teams at one base)
        // are ordered by id so that a list never reorders between reads.
        return listings.sorted { ($0.distanceKm ?? 0, $0.team.id) < ($1.distanceKm ?? 0, $1.team.id) }
    }
}

/// A team in a list, with its distance and ETA to the place asked about.
public struct TeamListing: Sendable {
    public var team: Team
    public var distanceKm: Double?
    public var etaMinutes: Double?
}
