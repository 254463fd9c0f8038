public import Time

/// One step of a dispatch's lifecycle, as `Dispatch.record(_:)` takes it.
public struct DispatchStep: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `etaMinutes` is the team's estimate to the contact, nil when the place is unknown.
        case assigned(teamID: String, etaMinutes: Double?)
        case enRoute
        case onScene
        case completed(outcome: DispatchOutcome?)
        case cancelled
    }

    public var kind: Kind
    public var at: Timestamp
    /// Whether law enforcement was involved, when the step says so; any step may.
    public var lawEnforcementInvolved: Bool?

    public init(_ kind: Kind, at: Timestamp, lawEnforcementInvolved: Bool? = nil) {
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
}

/// Why a step was refused; the dispatch is left as it was.
public enum DispatchStepRejected: Error, Sendable, Hashable {
    /// Not a step that may follow `status` (409, naming `allowed`).
    case notAllowed(status: DispatchStatus, allowed: [DispatchStepType])
    /// Earlier than the previous step, at `previous` (422 on `at`).
    case earlierThanPreviousStep(previous: Timestamp)
}

/// What a recorded step means for teams: the shell marks a taken team busy and offers the queue
/// to a released one.
public struct DispatchStepEffect: Sendable, Hashable {
    public var teamTaken: String?
    public var teamReleased: String?

    public init(teamTaken: String? = nil, teamReleased: String? = nil) {
        self.teamTaken = teamTaken
        self.teamReleased = teamReleased
    }
}
