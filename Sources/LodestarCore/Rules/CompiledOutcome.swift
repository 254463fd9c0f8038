/// A rule's outcome as ready decisions: one, or one per experiment arm.
enum CompiledOutcome: Sendable {
    case fixed(RuleDecision)
    /// Arm `i` owns the points from `bounds[i - 1]` (0 for the first) up to `bounds[i]`.
    case experiment(id: String, bounds: [UInt64], decisions: [RuleDecision])

    init(_ rule: Rule) {
        func decision(_ consequence: RuleConsequence, _ experiment: ExperimentAssignment?) -> RuleDecision {
            RuleDecision(ruleID: rule.id, action: consequence.action, priority: consequence.priority,
                         requires: consequence.requires, followUp: consequence.followUp, experiment: experiment)
        }
        switch rule.then {
        case .fixed(let consequence):
            self = .fixed(decision(consequence, nil))
        case .experiment(let experiment):
            var total: UInt64 = 0
            let bounds = experiment.arms.map { arm in
                total += UInt64(arm.weight)
                return total
            }
            let decisions = experiment.arms.map {
                decision($0.consequence, ExperimentAssignment(id: experiment.id, arm: $0.name))
            }
            self = .experiment(id: experiment.id, bounds: bounds, decisions: decisions)
        }
    }

    /// The decision for the contact: for an experiment, that of the contact's arm.
    func decision(for contactID: String) -> RuleDecision {
        switch self {
        case .fixed(let decision):
            return decision
        case .experiment(let id, let bounds, let decisions):
            let point = ArmHash.point(experimentID: id, contactID: contactID, total: bounds[bounds.count - 1])
            var arm = 0
            while point >= bounds[arm] { arm += 1 }
            return decisions[arm]
        }
    }
}
