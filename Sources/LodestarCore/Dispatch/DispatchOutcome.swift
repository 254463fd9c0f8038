/// How a completed dispatch ended (SPEC §4).
public enum DispatchOutcome: String, Vocabulary {
    case stabilizedInCommunity = "stabilized_in_community"
    case transportedVoluntary = "transported_voluntary"
    case transportedInvoluntary = "transported_involuntary"
    case referred
    case lawEnforcementCustody = "law_enforcement_custody"
    case other
}
