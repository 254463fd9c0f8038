import JSON
public import LodestarCore
public import Loop
import Postgres
import Time

/// Dispatches (SPEC §4): created with a team chosen, named or queued; moved along their
/// lifecycle; read one by one and as the board. Every write takes `DispatchLock`, and writes its
/// audit rows and stream changes in its own transaction.
@LoopActor
public final class DispatchStore {
    let pool: PostgresPool
    /// How team ETAs are estimated (settings).
    public let eta: ETAModel

    let appends: ChangeAppends
    /// The board's reads are audited in shared transactions (`audit(_:by:)`).
    let readAudits: ReadAudits

    init(pool: PostgresPool, eta: ETAModel, appends: ChangeAppends) {
        self.pool = pool
        self.eta = eta
        self.appends = appends
        readAudits = ReadAudits(pool: pool)
    }

    /// Creates the dispatch a dispatcher asked for, its team chosen from the contact's stored
    /// region and location. Throws `TeamNotFound` or `TeamNotAvailable` for a named team that
    /// cannot take it.
    public func create(_ request: DispatchRequest, by actor: String) async throws -> Dispatch {
        try await pool.transaction { tx in
            var writes = DispatchWrites()
            let created = try await DispatchPlanner(eta: eta).plan([request], contacts: nil, actor: actor, in: tx, writes: &writes)
            try await writes.commit(in: tx, eta: eta)
            appends.committed()
            guard let dispatch = created.first else { throw IngestStoreCorrupt() }
            return dispatch
        }
    }

    /// Records a step of dispatch `id` and returns the dispatch after it. An `assigned` step
    /// takes the team it names (which must exist, 404, and be available, 409) or, naming none,
    /// the best available team as a new dispatch would (`NoTeamAvailable` when none fits);
    /// completing or cancelling releases the team, which at once takes the first queued
    /// dispatch it fits. Throws `DispatchNotFound`, `DispatchStepRejected` (409 not allowed,
    /// checked first; 422 a stated time earlier than the previous step), `TeamNotFound`,
    /// `TeamNotAvailable` or `NoTeamAvailable`. A step without a time is timed here, under
    /// `DispatchLock`, where the previous step is known.
    public func record(_ request: DispatchStepRequest, dispatchID id: Int64, by actor: String) async throws -> Dispatch {
        try await pool.transaction { tx in
            var read = PostgresBatch()
            read.add(DispatchLock.sql)
            let dispatchRow = read.add(DispatchSQL.one, [id])
            let teamRows = read.add(
                "SELECT \(TeamSQL.columns) FROM teams WHERE team_id = $1 OR team_id = (SELECT team_id FROM dispatches WHERE id = $2)",
                [request.teamID, id])
            let contactRow = read.add(
                "SELECT region, location_lat, location_lon FROM contacts WHERE contact_id = (SELECT contact_id FROM dispatches WHERE id = $1)", [id])
            let results = try await tx.execute(read)
            try results.check()
            guard let row = try results.rows(dispatchRow).first else { throw DispatchNotFound() }
            var dispatch = try DispatchSQL.dispatch(row)
            var teams: [String: Team] = [:]
            for row in try results.rows(teamRows) {
                let team = try TeamSQL.team(row)
                teams[team.id] = team
            }
            var contact = DispatchPlanner.ContactFacts()
            if let row = try results.rows(contactRow).first {
                contact.region = row[0].string
                if let lat = row[1].double, let lon = row[2].double { contact.location = GeoPoint(lat: lat, lon: lon) }
            }

            var request = request
            let choosing = request.needsTeamChosen
            if choosing {
                try dispatch.allow(.assigned)
                guard let best = try await DispatchPlanner(eta: eta).bestTeam(for: dispatch, contact: contact, in: tx) else {
                    throw NoTeamAvailable()
                }
                teams[best.id] = best
                request = request.assigning(best.id)
            }
            let assignee = request.teamID.flatMap { teams[$0] }
            let minutes = assignee.flatMap { team in contact.location.map { eta.minutes(from: team.position, to: $0) } }
            let step = request.step(of: dispatch, etaMinutes: minutes)
            let effect = try dispatch.record(step)
            var writes = DispatchWrites()
            if let taken = effect.teamTaken {
                guard var team = teams[taken] else { throw TeamNotFound(teamID: taken) }
                guard team.status == .available else { throw TeamNotAvailable(teamID: taken, status: team.status) }
                team.change(to: .busy, at: max(step.at, team.statusAt ?? step.at))
                writes.write(team)
            }
            writes.write(dispatch)
            var detail: [(String, JSONValue)] = [("team_id", dispatch.teamID.map(JSONValue.string) ?? .null)]
            if choosing { detail.append(("by", "best_available")) }
            writes.audit(AuditEntry(actor: actor, action: "dispatch.\(request.type.rawValue)", resource: "dispatch/\(id)",
                                    detail: .object(JSONObject(detail))))
            if let released = effect.teamReleased, var team = teams[released], team.status == .busy {
                team.change(to: .available, at: max(step.at, team.statusAt ?? step.at))
                try await DispatchQueueOffer(eta: eta).offer(to: &team, at: step.at, actor: actor, in: tx, writes: &writes)
                writes.write(team)
            }
            try await writes.commit(in: tx, eta: eta)
            appends.committed()
            return dispatch
        }
    }

    /// The dispatch, nil for an unknown id. The read is audited whether or not it exists (a
    /// dispatch carries its contact, outcome and law-enforcement involvement: SPEC §8).
    public func read(_ id: Int64, auditedAs actor: String) async throws -> Dispatch? {
        var batch = PostgresBatch()
        let row = batch.add(DispatchSQL.one, [id])
        batch.add(Self.auditRead, [actor, "dispatch/\(id)", id])
        // One sync group outside BEGIN is one implicit transaction: the audit row commits with
        // the read or neither happens.
        let results = try await pool.execute(batch)
        try results.check()
        return try results.rows(row).first.map { try DispatchSQL.dispatch($0) }
    }

    /// `$1` actor, `$2` resource, `$3` the dispatch's id.
    static let auditRead = """
        INSERT INTO audit_log (actor, action, resource, detail)
        SELECT $1::text, 'dispatch.read', $2::text, jsonb_build_object('found', d.id IS NOT NULL, 'contact_id', d.contact_id)
        FROM (SELECT NULL) AS one LEFT JOIN dispatches d ON d.id = $3::bigint
        """
}
