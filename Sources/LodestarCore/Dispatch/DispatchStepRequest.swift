public import JSON
public import Time

/// What a `POST /v1/dispatches/{id}/events` body asks for (SPEC §4). The team of an `assigned`
/// step that names none is the shell's to choose, and the team's ETA its to estimate, so this is
/// not yet a `DispatchStep`.
public struct DispatchStepRequest: Sendable, Hashable {
    static let members: Set<String> = ["type", "at", "team_id", "outcome", "law_enforcement_involved"]

    /// The step's type, with what only that type carries.
    public enum Kind: Sendable, Hashable {
        /// `teamID` nil: the best available team, chosen as for a new dispatch.
        case assigned(teamID: String?)
        case enRoute
        case onScene
        case completed(outcome: DispatchOutcome?)
        case cancelled
    }

    public var kind: Kind
    public var at: RequestedTime
    public var lawEnforcementInvolved: Bool?

    public init(_ kind: Kind, at: RequestedTime, lawEnforcementInvolved: Bool? = nil) {
        self.kind = kind
        self.at = at
        self.lawEnforcementInvolved = lawEnforcementInvolved
    }

    public var type: DispatchStepType {
        switch kind {
        case .assigned: .assigned
        case .enRoute: .enRoute
        case .onScene: .onScene
        case .completed: .completed
        case .cancelled: .cancelled
        }
    }

    /// The team an `assigned` step names.
    public var teamID: String? {
        if case .assigned(let teamID) = kind { teamID } else { nil }
    }

    /// An `assigned` step that names no team: the shell chooses one (`assigning(_:)`) before
    /// it makes the step.
    public var needsTeamChosen: Bool { kind == .assigned(teamID: nil) }

    /// The request with the team the shell chose for an `assigned` step.
    public func assigning(_ teamID: String) -> DispatchStepRequest {
        DispatchStepRequest(.assigned(teamID: teamID), at: at, lawEnforcementInvolved: lawEnforcementInvolved)
    }

    /// Validates a body: `team_id` may go with `assigned` (without it, the best available team)
    /// and is refused with other types,
    /// `outcome` only goes with `completed`; `at` may be at most a day after `now`, and when
    /// absent is decided by `step(of:etaMinutes:)`.
    public static func validate(body: JSONValue, now: Timestamp) throws(ValidationFailure) -> DispatchStepRequest {
        var reader = FieldReader()
        reader.latestAcceptedTime = now.adding(seconds: 86_400)
        guard let object = reader.object(body, at: .root) else { throw ValidationFailure(issues: reader.issues) }
        reader.rejectUnknownMembers(of: object, allowed: members, at: .root)
        let type = reader.choice(object, "type", at: .root, required: true, as: DispatchStepType.self)
        let at = reader.timestamp(object, "at", at: .root)
        let teamID = reader.text(object, "team_id", at: .root)
        let outcome = reader.choice(object, "outcome", at: .root, as: DispatchOutcome.self)
        let involved = reader.bool(object, "law_enforcement_involved", at: .root)
        if teamID != nil, let type, type != .assigned { reader.report(JSONPath.root.member("team_id"), "is only for an assigned step") }
        if outcome != nil, let type, type != .completed { reader.report(JSONPath.root.member("outcome"), "is only for a completed step") }
        guard reader.issues.isEmpty, let type else { throw ValidationFailure(issues: reader.issues) }
        let kind: Kind
        switch type {
        case .assigned: kind = .assigned(teamID: teamID)
        case .enRoute: kind = .enRoute
        case .onScene: kind = .onScene
        case .completed: kind = .completed(outcome: outcome)
        case .cancelled: kind = .cancelled
        }
        return DispatchStepRequest(kind, at: RequestedTime(stated: at, now: now), lawEnforcementInvolved: involved)
    }

    /// The step this request records on `dispatch` (as read under the lock), once the shell
    /// knows the assigned team's ETA (ignored by other types): at the `at` stated, else now but
    /// never earlier than the dispatch's previous step. An `assigned` step names its team by
    /// now (`needsTeamChosen` is false).
    public func step(of dispatch: Dispatch, etaMinutes: Double?) -> DispatchStep {
        let step: DispatchStep.Kind
        switch kind {
        case .assigned(let teamID?): step = .assigned(teamID: teamID, etaMinutes: etaMinutes)
        case .assigned(nil): preconditionFailure("the shell chooses the team of an assigned step first (assigning(_:))")
        case .enRoute: step = .enRoute
        case .onScene: step = .onScene
        case .completed(let outcome): step = .completed(outcome: outcome)
        case .cancelled: step = .cancelled
        }
        return DispatchStep(step, at: at.resolved(after: dispatch.lastStepAt), lawEnforcementInvolved: lawEnforcementInvolved)
    }
}
