public import Time

/// Which follow-ups `GET /v1/follow-ups` lists (SPEC §6).
public struct FollowUpFilter: Sendable, Equatable {
    /// The `status` query parameter's values.
    public enum Status: String, Sendable, CaseIterable {
        /// Open ones, overdue included.
        case open
        /// Open and past due (or flagged so).
        case overdue
        /// Completed, declined or unable to reach.
        case closed
    }

    /// nil: every follow-up, whatever its status.
    public var status: Status?
    /// Only those due strictly before this instant.
    public var dueBefore: Timestamp?
    public var limit: Int

    public init(status: Status? = nil, dueBefore: Timestamp? = nil, limit: Int) {
        self.status = status
        self.dueBefore = dueBefore
        self.limit = limit
    }

    /// The condition on `follow_ups f` (`$1` due before or NULL, and for `overdue` `$5` now): a
    /// fixed text per status, so each plans on its own index.
    var condition: String {
        let due = "($1::timestamptz IS NULL OR f.due_at < $1::timestamptz)"
        switch status {
        case nil: return due
        case .open: return "f.status = 'open' AND \(due)"
        case .overdue: return "f.status = 'open' AND (f.due_at < $5::timestamptz OR f.overdue_at IS NOT NULL) AND \(due)"
        case .closed: return "f.status <> 'open' AND \(due)"
        }
    }
}
