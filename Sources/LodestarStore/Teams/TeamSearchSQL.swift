import LodestarCore
import Postgres

/// Finding teams: the list a dispatcher filters, nearest first when a place is given, and the
/// candidates for a new dispatch. "Nearest" is a search of the GiST index on each team's point
/// on the unit sphere (`teams.position`), whose chord distance orders teams as their
/// great-circle distance does; the exact distance and ETA are computed in Swift for the few
/// rows returned. The place searched from is passed as its point on the unit sphere (`point`),
/// not as a call of `lodestar_sphere_point`: inlining that function cost the planner about as
/// much as running the search.
enum TeamSearchSQL {
    /// `$1` status or NULL, `$2` region or NULL (teams listing none cover every region), `$3`
    /// capabilities all required (text[]), `$5` limit; nearest to the point `$4` first.
    static let near = """
        SELECT \(TeamSQL.columns) FROM teams
        WHERE \(filters)
        ORDER BY position <-> $4::cube
        LIMIT $5
        """

    /// `place` as the `cube` literal of its point on the unit sphere (`GeoPoint.unitSphere`),
    /// each coordinate in its shortest form, which reads back as the same double.
    static func point(_ place: GeoPoint) -> String {
        let point = place.unitSphere
        return "(\(point.x), \(point.y), \(point.z))"
    }

    /// The same filters in team id order, for a list without a place (`$4` limit).
    static let byID = """
        SELECT \(TeamSQL.columns) FROM teams
        WHERE \(filters)
        ORDER BY team_id COLLATE "C"
        LIMIT $4
        """

    private static let filters = """
        ($1::text IS NULL OR status = $1::text)
          AND ($2::text IS NULL OR cardinality(regions) = 0 OR $2::text = ANY(regions))
          AND capabilities @> $3::text[]
        """

    /// Available teams that may serve a dispatch needing `$1` (text[]) in region `$2` (NULL: any),
    /// nearest to the point `$3` first, at most `$4`.
    static let availableNear = """
        SELECT \(TeamSQL.columns) FROM teams
        WHERE status = 'available' AND capabilities @> $1::text[] AND ($2::text IS NULL OR cardinality(regions) = 0 OR $2::text = ANY(regions))
        ORDER BY position <-> $3::cube
        LIMIT $4
        """

    /// The same when the contact's place is unknown: the team available longest first (`$3` limit).
    static let availableLongest = """
        SELECT \(TeamSQL.columns) FROM teams
        WHERE status = 'available' AND capabilities @> $1::text[] AND ($2::text IS NULL OR cardinality(regions) = 0 OR $2::text = ANY(regions))
        ORDER BY available_since, team_id COLLATE "C"
        LIMIT $3
        """
}
