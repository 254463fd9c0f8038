public import Time

/// A follow-up: a promise to contact a person again by `dueAt` (SPEC §6), with the attempts
/// made so far. Made by a routing decision or by a dispatcher; closed by its attempts
/// (`FollowUp+Attempts.swift`).
public struct FollowUp: Sendable, Hashable {
    /// A UUID in its canonical lowercase text form, chosen by the writer before the insert.
    public var id: String
    public var contactID: String
    public var createdAt: Timestamp
    public var dueAt: Timestamp
    public var status: FollowUpStatus
    /// In the order they were made (each at or after the one before).
    public var attempts: [FollowUpAttempt]
    /// The time of the attempt that closed it; nil while open.
    public var closedAt: Timestamp?
    /// When an overdue sweep flagged it (and announced it), once; nil until then.
    public var overdueFlaggedAt: Timestamp?

    public init(id: String, contactID: String, createdAt: Timestamp, dueAt: Timestamp, status: FollowUpStatus = .open,
                attempts: [FollowUpAttempt] = [], closedAt: Timestamp? = nil, overdueFlaggedAt: Timestamp? = nil) {
        self.id = id
        self.contactID = contactID
        self.createdAt = createdAt
        self.dueAt = dueAt
        self.status = status
        self.attempts = attempts
        self.closedAt = closedAt
        self.overdueFlaggedAt = overdueFlaggedAt
    }

    /// Open and past due at `now`, or already flagged by a sweep (whose clock may run a little
    /// ahead of this one): what `overdue` says in the API. A closed follow-up is never overdue;
    /// whether it was reached in time is `closedAt` against `dueAt`.
    public func isOverdue(at now: Timestamp) -> Bool {
        status == .open && (overdueFlaggedAt != nil || dueAt < now)
    }

    /// Attempts that did not reach the person so far.
    public var unsuccessfulAttempts: Int {
        attempts.count { $0.outcome.isUnsuccessful }
    }
}
