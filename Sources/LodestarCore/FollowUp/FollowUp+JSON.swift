public import JSON
public import Time

/// Which change of a follow-up a stream message announces (SPEC §4, §6).
public enum FollowUpChange: String, Sendable, CaseIterable {
    case created
    /// Flagged overdue by a sweep, once whatever the number of processes.
    case overdue
    /// Closed by an attempt (its status says how).
    case closed
}

extension FollowUp {
    /// The follow-up as the API shows it, with SPEC field names: `{"id", "contact_id",
    /// "created_at", "due_at", "status", "overdue", "attempts": [{"at", "outcome"}],
    /// "closed_at"}`; `overdue` as of `now`, `closed_at` `null` while open. Timestamps are
    /// RFC 3339 UTC.
    public func json(now: Timestamp) -> JSONValue {
        .object(JSONObject(uniquePairs: members(now: now)))
    }

    /// The body of a `follow_up` stream message: the follow-up as `json(now:)` shows it, and
    /// `"change"` saying what happened to it.
    public func announcement(_ change: FollowUpChange, now: Timestamp) -> JSONValue {
        .object(JSONObject(uniquePairs: members(now: now) + [("change", .string(change.rawValue))]))
    }

    /// Fixed, distinct names: no duplicate check (nine members would hash every name).
    private func members(now: Timestamp) -> [JSONObject.Element] {
        [
            ("id", .string(id)),
            ("contact_id", .string(contactID)),
            ("created_at", .string(createdAt.rfc3339)),
            ("due_at", .string(dueAt.rfc3339)),
            ("status", .string(status.rawValue)),
            ("overdue", .bool(isOverdue(at: now))),
            ("attempts", .array(attempts.map { ["at": .string($0.at.rfc3339), "outcome": .string($0.outcome.rawValue)] })),
            ("closed_at", closedAt.map { .string($0.rfc3339) } ?? .null),
        ]
    }
}
