import JSON
import LodestarCore
import Postgres
import Time

/// Creates dispatches inside a caller's transaction, choosing their teams: the one shared path
/// of `POST /v1/dispatches` and of routing decisions made in the ingest transaction.
///
/// Use from a transaction (routing, in the ingest handler, after the plan has folded the
/// contact's events):
/// ```
/// var writes = DispatchWrites()
/// let created = try await DispatchPlanner(eta: eta).plan(requests, contacts: facts, actor: actor, in: tx, writes: &writes)
/// writes.add(to: &lastBatch, eta: eta)      // dispatches, busy teams, audit rows, stream changes
/// _ = try await tx.executeAndCommit(lastBatch)
/// ```
/// `plan` takes `DispatchLock` (held to the commit) and reads what the choice needs in one round
/// trip when `contacts` is given (the caller's state of each contact, which may not be stored
/// yet; the caller holds the contacts' ingest locks), two when it is nil (the contacts' stored
/// region and location are read first, under their ingest locks, taken before `DispatchLock`:
/// a contact written at the same moment is then either seen by the new dispatch, which keeps
/// its contact's region, or sees it, sql/010_board.sql).
struct DispatchPlanner {
    /// What the choice of a team knows of a contact.
    struct ContactFacts: Sendable, Hashable {
        var region: String?
        var location: GeoPoint?
    }

    let eta: ETAModel

    /// The dispatches of `requests`, in their order, each assigned at its request time to the
    /// team named, or to the best available team (required capabilities, the contact's region,
    /// then the shortest ETA, or when the contact's place is unknown the team available
    /// longest), or else left queued. Requests are served highest priority and oldest first when
    /// several compete for teams. Throws `TeamNotFound` or `TeamNotAvailable` for a named team
    /// that cannot take it (nothing is added to `writes` then).
    ///
    /// `pending`, the caller's writes not sent yet, goes first in the same round trip, before the
    /// lock: what the transaction can write without it then does not lengthen the time every
    /// other dispatch writer waits (the lock is held to the commit). Its statements must not
    /// need the lock; their errors are thrown as any other.
    func plan(_ requests: [DispatchRequest], contacts: [String: ContactFacts]?, actor: String, in tx: PostgresTransaction,
              after pending: PostgresBatch = PostgresBatch(), writes: inout DispatchWrites) async throws -> [Dispatch] {
        guard !requests.isEmpty else { return [] }
        let contactIDs = Array(Set(requests.map { $0.contactID }))
        var first = pending
        if contacts == nil { first.add(IngestSQL.lockContacts, [contactIDs]) }
        first.add(DispatchLock.sql)
        let ids = first.add("SELECT nextval(pg_get_serial_sequence('dispatches', 'id')) FROM generate_series(1, $1)", [requests.count])
        let named = requests.compactMap { request -> String? in
            if case .team(let id) = request.assignment { id } else { nil }
        }
        let namedRows = named.isEmpty ? nil : first.add(TeamSQL.some, [named])
        let stored = contacts == nil ? first.add("SELECT contact_id, region, location_lat, location_lon FROM contacts WHERE contact_id = ANY($1::text[])", [contactIDs]) : nil
        var candidateHandles: [Int: PostgresBatch.Handle] = [:]
        if let contacts { candidateHandles = addCandidateQueries(requests, contacts, to: &first) }
        let read = try await tx.execute(first)
        try read.check()

        var facts = contacts ?? [:]
        if let stored {
            for row in try read.rows(stored) {
                guard let id = row[0].string else { throw IngestStoreCorrupt() }
                var place: GeoPoint?
                if let lat = row[2].double, let lon = row[3].double { place = GeoPoint(lat: lat, lon: lon) }
                facts[id] = ContactFacts(region: row[1].string, location: place)
            }
        }
        var candidates: [Int: [Team]] = [:]
        var candidateRead = read
        if contacts == nil {
            var second = PostgresBatch()
            candidateHandles = addCandidateQueries(requests, facts, to: &second)
            if !second.isEmpty {
                candidateRead = try await tx.execute(second)
                try candidateRead.check()
            }
        }
        for (index, handle) in candidateHandles { candidates[index] = try candidateRead.rows(handle).map { try TeamSQL.team($0) } }
        var teams: [String: Team] = [:]
        if let namedRows { for row in try read.rows(namedRows) { let team = try TeamSQL.team(row); teams[team.id] = team } }
        let newIDs = try read.rows(ids).map { row in
            guard let id = row[0].int64 else { throw IngestStoreCorrupt() }
            return id
        }
        return try assign(requests, ids: newIDs, facts: facts, named: teams, candidates: candidates, actor: actor, writes: &writes)
    }

    /// One query per automatic request whose candidates the choice ranks; as many candidates as
    /// there are automatic requests, so that requests served earlier cannot exhaust a later one's.
    private func addCandidateQueries(_ requests: [DispatchRequest], _ facts: [String: ContactFacts],
                                     to batch: inout PostgresBatch) -> [Int: PostgresBatch.Handle] {
        let automatic = requests.indices.filter { if case .automatic = requests[$0].assignment { true } else { false } }
        var handles: [Int: PostgresBatch.Handle] = [:]
        for index in automatic {
            let request = requests[index]
            handles[index] = Self.addCandidateQuery(requires: request.requires, contact: facts[request.contactID],
                                                    limit: automatic.count, to: &batch)
        }
        return handles
    }

    /// The query of the available teams that may serve a dispatch needing `requires` for
    /// `contact`, best first: nearest to its place, or when that is unknown, available longest.
    static func addCandidateQuery(requires: [String], contact: ContactFacts?, limit: Int,
                                  to batch: inout PostgresBatch) -> PostgresBatch.Handle {
        if let place = contact?.location {
            batch.add(TeamSearchSQL.availableNear, [requires, contact?.region, TeamSearchSQL.point(place), limit])
        } else {
            batch.add(TeamSearchSQL.availableLongest, [requires, contact?.region, limit])
        }
    }

    /// Whether `team`, a candidate, is estimated to reach `place` within `maxETA` (any team
    /// when either is unknown).
    func fits(_ team: Team, place: GeoPoint?, maxETA: Double?) -> Bool {
        guard let maxETA, let place else { return true }
        return eta.minutes(from: team.position, to: place) <= maxETA
    }

    private func assign(_ requests: [DispatchRequest], ids: [Int64], facts: [String: ContactFacts], named: [String: Team],
                        candidates: [Int: [Team]], actor: String, writes: inout DispatchWrites) throws -> [Dispatch] {
        var planned = writes
        var taken = Set<String>()
        var dispatches: [Int: Dispatch] = [:]
        let order = requests.indices.sorted { a, b in
            (requests[a].priority.rank, requests[a].requestedAt, a) < (requests[b].priority.rank, requests[b].requestedAt, b)
        }
        for index in order {
            let request = requests[index]
            var dispatch = Dispatch(id: ids[index], request: request)
            let place = facts[request.contactID]?.location
            var team: Team?
            switch request.assignment {
            case .team(let id):
                guard let named = planned.team(id) ?? named[id] else { throw TeamNotFound(teamID: id) }
                guard named.status == .available, !taken.contains(id) else { throw TeamNotAvailable(teamID: id, status: named.status) }
                team = named
            case .automatic(let maxETA):
                team = candidates[index, default: []].first { candidate in
                    !taken.contains(candidate.id) && fits(candidate, place: place, maxETA: maxETA)
                }
            case .manual:
                team = nil
            }
            if var team {
                let minutes = place.map { eta.minutes(from: team.position, to: $0) }
                try dispatch.record(DispatchStep(.assigned(teamID: team.id, etaMinutes: minutes), at: request.requestedAt))
                team.change(to: .busy, at: max(request.requestedAt, team.statusAt ?? request.requestedAt))
                taken.insert(team.id)
                planned.write(team)
            }
            planned.write(dispatch)
            planned.audit(AuditEntry(actor: actor, action: "dispatch.create", resource: "dispatch/\(dispatch.id)", detail: [
                "status": .string(dispatch.status.rawValue), "priority": .string(dispatch.priority.rawValue),
                "team_id": dispatch.teamID.map(JSONValue.string) ?? .null,
            ]))
            dispatches[index] = dispatch
        }
        writes = planned
        return requests.indices.compactMap { dispatches[$0] }
    }
}
