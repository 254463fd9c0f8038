public import JSON
public import Time

/// Validates the bodies of the follow-up writes (SPEC §6), listing every problem with its path.
/// As with events, unknown members are errors, `null` counts as absent, and `at` may lie from
/// 1970-01-01 to one day after the server's clock.
public enum FollowUpRequests {
    /// `POST /v1/follow-ups`: `{"contact_id", "due_at" | "within", "at"?}` as a new open
    /// follow-up with id `id`, created at `at` (default `now`). Exactly one of `due_at` and
    /// `within` (both paths named otherwise). A `due_at` before the creation is accepted: a
    /// dispatcher entering a follow-up that is already due makes it overdue at once.
    public static func newFollowUp(_ body: JSONValue, id: String, now: Timestamp) throws(ValidationFailure) -> FollowUp {
        var reader = FieldReader()
        guard let object = reader.object(body, at: .root) else { throw ValidationFailure(issues: reader.issues) }
        reader.rejectUnknownMembers(of: object, allowed: ["contact_id", "due_at", "within", "at"], at: .root)
        let contactID = reader.text(object, "contact_id", at: .root, required: true)
        reader.latestAcceptedTime = now.adding(seconds: 86_400)
        let at = reader.timestamp(object, "at", at: .root)
        reader.latestAcceptedTime = nil
        let hasDueAt = reader.value(object, "due_at", at: .root, required: false) != nil
        let hasWithin = reader.value(object, "within", at: .root, required: false) != nil
        var due: FollowUpDue?
        switch (hasDueAt, hasWithin) {
        case (true, true):
            reader.report(JSONPath.root.member("due_at"), "give due_at or within, not both")
            reader.report(JSONPath.root.member("within"), "give due_at or within, not both")
        case (false, false):
            reader.report(JSONPath.root.member("due_at"), "is required unless within is given")
            reader.report(JSONPath.root.member("within"), "is required unless due_at is given")
        case (true, false):
            due = reader.timestamp(object, "due_at", at: .root).map(FollowUpDue.at)
        case (false, true):
            due = reader.duration(object, "within", at: .root).map(FollowUpDue.within)
        }
        guard reader.issues.isEmpty, let contactID, let due else { throw ValidationFailure(issues: reader.issues) }
        do {
            return try FollowUp.opened(id: id, contactID: contactID, createdAt: at ?? now, due: due)
        } catch {
            let field = hasDueAt ? "due_at" : "within"
            let message = switch error {
            case .dueTooLate: "must fall due no later than 9999-12-31"
            }
            throw ValidationFailure(issues: [ValidationIssue(JSONPath.root.member(field), message)])
        }
    }

    /// `POST /v1/follow-ups/{id}/attempts`: `{"at"?, "outcome"}`, made at `at`, else `now`
    /// (see `FollowUpAttemptRequest.attempt(on:)`).
    public static func attempt(_ body: JSONValue, now: Timestamp) throws(ValidationFailure) -> FollowUpAttemptRequest {
        var reader = FieldReader()
        guard let object = reader.object(body, at: .root) else { throw ValidationFailure(issues: reader.issues) }
        reader.rejectUnknownMembers(of: object, allowed: ["at", "outcome"], at: .root)
        reader.latestAcceptedTime = now.adding(seconds: 86_400)
        let at = reader.timestamp(object, "at", at: .root)
        let outcome = reader.choice(object, "outcome", at: .root, required: true, as: AttemptOutcome.self)
        guard reader.issues.isEmpty, let outcome else { throw ValidationFailure(issues: reader.issues) }
        return FollowUpAttemptRequest(at: RequestedTime(stated: at, now: now), outcome: outcome)
    }
}
