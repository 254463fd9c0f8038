public import Time

/// A routing decision as carried out (SPEC §5's decision object): the ruleset version and the
/// rule's outcome, with the dispatch and follow-up it created or found open for the contact.
public struct RoutedDecision: Sendable {
    public var contactID: String
    public var rulesetVersion: Int
    public var decision: RuleDecision
    public var dispatch: DecisionDispatch?
    public var followUp: DecisionFollowUp?

    public init(contactID: String, rulesetVersion: Int, decision: RuleDecision,
                dispatch: DecisionDispatch? = nil, followUp: DecisionFollowUp? = nil) {
        self.contactID = contactID
        self.rulesetVersion = rulesetVersion
        self.decision = decision
        self.dispatch = dispatch
        self.followUp = followUp
    }
}

/// The dispatch a decision created (or the contact's open one it stands by).
public struct DecisionDispatch: Sendable, Hashable {
    public var id: Int64
    public var teamID: String?
    public var etaMinutes: Double?

    public init(id: Int64, teamID: String?, etaMinutes: Double?) {
        self.id = id
        self.teamID = teamID
        self.etaMinutes = etaMinutes
    }
}

/// The follow-up a decision created (or the contact's open one it stands by).
public struct DecisionFollowUp: Sendable, Hashable {
    public var id: String
    public var dueAt: Timestamp

    public init(id: String, dueAt: Timestamp) {
        self.id = id
        self.dueAt = dueAt
    }
}
