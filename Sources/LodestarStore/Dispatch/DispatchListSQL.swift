import LodestarCore
import Postgres

/// The statements of `GET /v1/dispatches`: a page of a listing, each dispatch with its contact's
/// region's response target (NULL when the region was never described, or the contact names
/// none). The region is the dispatch's own copy of its contact's (`dispatches.region`, kept by
/// triggers), so a page reads its rows and the few regions, never each row's contact. The
/// statuses are written into the statement, not passed as a parameter, so the planner matches
/// the partial indexes (`dispatches_board`, `dispatches_queue`) and reads the page in order from
/// the index.
enum DispatchListSQL {
    /// The version of everything a page shows (sql/010_board.sql): unchanged, a page read
    /// earlier is still what the database holds.
    static let version = "SELECT version FROM board_version"

    /// Board order: emergent first, then oldest requested (`board_rank`, sql/015). `$1`–`$3` the
    /// last entry of the previous page (board rank, requested_at, id) or NULLs, `$4` limit.
    static func boardOrder(_ listing: DispatchListing) -> String {
        """
        SELECT \(DispatchSQL.qualifiedColumns), r.response_target_minutes
        FROM dispatches d LEFT JOIN regions r ON r.code = d.region
        WHERE d.status IN (\(statuses(listing)))
          AND ($1::smallint IS NULL OR (d.board_rank, d.requested_at, d.id) > ($1::smallint, $2::timestamptz, $3::bigint))
        ORDER BY d.board_rank, d.requested_at, d.id
        LIMIT $4
        """
    }

    /// Newest request first. `$1`–`$2` the last entry of the previous page (requested_at, id) or
    /// NULLs, `$3` limit.
    static func newestFirst(_ listing: DispatchListing) -> String {
        """
        SELECT \(DispatchSQL.qualifiedColumns), r.response_target_minutes
        FROM dispatches d LEFT JOIN regions r ON r.code = d.region
        WHERE d.status IN (\(statuses(listing)))
          AND ($1::timestamptz IS NULL OR (d.requested_at, d.id) < ($1::timestamptz, $2::bigint))
        ORDER BY d.requested_at DESC, d.id DESC
        LIMIT $3
        """
    }

    private static func statuses(_ listing: DispatchListing) -> String {
        listing.statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ")
    }
}
