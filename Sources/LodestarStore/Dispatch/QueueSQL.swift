import LodestarCore
import Postgres

/// The queue: `requested` dispatches the queue may assign (not left to a dispatcher), in the
/// order teams take them: highest priority, then oldest request.
enum QueueSQL {
    /// The first queued dispatch a team may take, with its contact's location (or NULLs): one
    /// whose required capabilities the team has (`$1`), in a region the team covers (`$2`; none
    /// listed covers every region, and a contact without a region fits any team), and whose
    /// contact the team at (`$3`, `$4`) reaches within the dispatch's ETA limit (its chord on
    /// the unit sphere, `dispatches.reach_chord`; no limit or no known place always fits).
    /// Reads the contact's region and location as they are now, so later events count.
    static let firstFitting = """
        SELECT \(DispatchSQL.qualifiedColumns), c.location_lat, c.location_lon
        FROM dispatches d LEFT JOIN contacts c ON c.contact_id = d.contact_id
        WHERE d.status = 'requested' AND d.auto_assign
          AND d.requires <@ $1::text[]
          AND (cardinality($2::text[]) = 0 OR c.region IS NULL OR c.region = ANY($2::text[]))
          AND (d.reach_chord IS NULL OR c.location_lat IS NULL OR c.location_lon IS NULL
               OR lodestar_sphere_point(c.location_lat, c.location_lon) <-> lodestar_sphere_point($3, $4) <= d.reach_chord)
        ORDER BY d.priority_rank, d.requested_at, d.id
        LIMIT 1
        """

    static func parameters(for team: Team) -> [any PostgresEncodable] {
        [team.capabilities, team.regions, team.position.lat, team.position.lon]
    }
}
