public import JSON
public import Time

extension DispatchRequest {
    static let members: Set<String> = ["contact_id", "team_id", "priority", "requires", "at"]

    /// The request a `POST /v1/dispatches` body makes: requested at `at` (default `now`, at most
    /// a day after it), by the named team or the best available one.
    public static func validate(body: JSONValue, now: Timestamp) throws(ValidationFailure) -> DispatchRequest {
        var reader = FieldReader()
        reader.latestAcceptedTime = now.adding(seconds: 86_400)
        guard let object = reader.object(body, at: .root) else { throw ValidationFailure(issues: reader.issues) }
        reader.rejectUnknownMembers(of: object, allowed: members, at: .root)
        let contactID = reader.text(object, "contact_id", at: .root, required: true)
        let teamID = reader.text(object, "team_id", at: .root)
        let priority = reader.choice(object, "priority", at: .root, as: DispatchPriority.self)
        let requires = reader.textList(object, "requires", at: .root)
        let at = reader.timestamp(object, "at", at: .root)
        guard reader.issues.isEmpty, let contactID else { throw ValidationFailure(issues: reader.issues) }
        return DispatchRequest(contactID: contactID, priority: priority ?? .default, requires: requires ?? [], requestedAt: at ?? now,
                               assignment: teamID.map(DispatchAssignment.team) ?? .automatic(maxETAMinutes: nil))
    }
}
