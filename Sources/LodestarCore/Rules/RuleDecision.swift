/// What a ruleset decided for a contact (SPEC §5): the rule that fired and its outcome.
///
/// `followUp` is the outcome's duration whatever the contact's consent: whoever acts on the
/// decision creates the follow-up only if the caller did not decline it.
public struct RuleDecision: Sendable, Hashable {
    public var ruleID: String
    public var action: RoutingAction
    /// The outcome's priority, or its action's `defaultPriority`.
    public var priority: DispatchPriority
    /// Capabilities the dispatched team must have (only for `dispatch_mobile_team`).
    public var requires: [String]
    public var followUp: ISODuration?
    /// The experiment and arm, when the rule's outcome is randomised.
    public var experiment: ExperimentAssignment?

    public init(ruleID: String, action: RoutingAction, priority: DispatchPriority, requires: [String] = [],
                followUp: ISODuration? = nil, experiment: ExperimentAssignment? = nil) {
        self.ruleID = ruleID
        self.action = action
        self.priority = priority
        self.requires = requires
        self.followUp = followUp
        self.experiment = experiment
    }
}

/// The arm of an experiment a contact landed in.
public struct ExperimentAssignment: Sendable, Hashable {
    public var id: String
    public var arm: String

    public init(id: String, arm: String) {
        self.id = id
        self.arm = arm
    }
}
