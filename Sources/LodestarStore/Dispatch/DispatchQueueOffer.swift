import JSON
import LodestarCore
import Postgres
import Time

/// Offering the queue to a team that is available: it takes the first queued dispatch it fits,
/// if any, at once (SPEC §4: highest priority and oldest first).
struct DispatchQueueOffer {
    let eta: ETAModel

    /// Offers the queue to `team` (available from `at`; the caller holds `DispatchLock`). When it
    /// takes a dispatch, both are recorded in `writes`, assigned at `at` or at the request if that
    /// is later, and the dispatch is returned.
    @discardableResult
    func offer(to team: inout Team, at: Timestamp, actor: String, in tx: PostgresTransaction,
               writes: inout DispatchWrites) async throws -> Dispatch? {
        guard team.status == .available,
              let row = try await tx.query(QueueSQL.firstFitting, QueueSQL.parameters(for: team)).first
        else { return nil }
        var dispatch = try DispatchSQL.dispatch(row)
        let column = DispatchSQL.columnCount
        var place: GeoPoint?
        if let lat = row[column].double, let lon = row[column + 1].double { place = GeoPoint(lat: lat, lon: lon) }
        let assignedAt = max(at, dispatch.requestedAt)
        try dispatch.record(DispatchStep(.assigned(teamID: team.id, etaMinutes: place.map { eta.minutes(from: team.position, to: $0) }),
                                         at: assignedAt))
        team.change(to: .busy, at: max(assignedAt, team.statusAt ?? assignedAt))
        writes.write(dispatch)
        writes.write(team)
        writes.audit(AuditEntry(actor: actor, action: "dispatch.assign", resource: "dispatch/\(dispatch.id)",
                                detail: ["team_id": .string(team.id), "by": "queue"]))
        return dispatch
    }
}
