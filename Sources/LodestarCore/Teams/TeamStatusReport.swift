public import JSON
public import Time

/// What a team's device posts to `POST /v1/teams/{team_id}/status` (SPEC §4): a status, a
/// location, or both, at a time (default now, decided by `Team.apply(_:)` where the team's last
/// reports are known).
public struct TeamStatusReport: Sendable, Hashable {
    static let members: Set<String> = ["status", "location", "at"]

    /// Nil for a location report that leaves the status as it is (the way a busy team reports
    /// where it is).
    public var status: ReportedTeamStatus?
    public var location: GeoPoint?
    public var at: RequestedTime

    public init(status: ReportedTeamStatus?, location: GeoPoint? = nil, at: RequestedTime) {
        self.status = status
        self.location = location
        self.at = at
    }

    /// Validates a body; `now` is the server's clock: a day on, the bound of `at`, and the time
    /// of a report without one.
    public static func validate(body: JSONValue, now: Timestamp) throws(ValidationFailure) -> TeamStatusReport {
        var reader = FieldReader()
        reader.latestAcceptedTime = now.adding(seconds: 86_400)
        guard let object = reader.object(body, at: .root) else { throw ValidationFailure(issues: reader.issues) }
        reader.rejectUnknownMembers(of: object, allowed: members, at: .root)
        let status = reader.choice(object, "status", at: .root, as: ReportedTeamStatus.self)
        let location = reader.geoPoint(object, "location", at: .root)
        let at = reader.timestamp(object, "at", at: .root)
        if reader.issues.isEmpty, status == nil, location == nil {
            reader.report(JSONPath.root.member("status"), "is required unless a location is given")
        }
        guard reader.issues.isEmpty else { throw ValidationFailure(issues: reader.issues) }
        return TeamStatusReport(status: status, location: location, at: RequestedTime(stated: at, now: now))
    }
}
