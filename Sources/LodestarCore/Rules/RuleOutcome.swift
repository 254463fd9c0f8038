/// A validated `then`: a fixed consequence, or an experiment choosing between consequences.
enum RuleOutcome: Sendable {
    case fixed(RuleConsequence)
    case experiment(RuleExperiment)
}

/// What a decision does, with the defaults filled in.
struct RuleConsequence: Sendable, Hashable {
    var action: RoutingAction
    var priority: DispatchPriority
    var requires: [String]
    var followUp: ISODuration?
}

/// A randomised outcome: each contact lands in one arm, by its id, in proportion to weight.
struct RuleExperiment: Sendable {
    var id: String
    var arms: [Arm]

    struct Arm: Sendable {
        var name: String
        var weight: Int
        var consequence: RuleConsequence
    }
}

/// One validated rule.
struct Rule: Sendable {
    var id: String
    var when: RuleCondition
    var then: RuleOutcome
}
