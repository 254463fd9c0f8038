/// The sixteen quality indicators of SPEC §7, in the order of its table.
///
/// The raw values are the names reports use as JSON keys, CSV columns and `indicator=` values.
public enum Indicator: String, Vocabulary {
    case contactsOffered = "contacts_offered"
    case contactsAnswered = "contacts_answered"
    case answerRate = "answer_rate"
    case abandonmentRate = "abandonment_rate"
    case speedToAnswerSeconds = "speed_to_answer_seconds"
    case answeredWithinTargetRate = "answered_within_target_rate"
    case dispatches
    case dispatchResponseMinutes = "dispatch_response_minutes"
    case dispatchWithinTargetRate = "dispatch_within_target_rate"
    case communityStabilizationRate = "community_stabilization_rate"
    case lawEnforcementInvolvementRate = "law_enforcement_involvement_rate"
    case contactToSceneMinutes = "contact_to_scene_minutes"
    case followUpsCreated = "follow_ups_created"
    case followUpCompletionRate = "follow_up_completion_rate"
    case followUpOnTimeRate = "follow_up_on_time_rate"
    case followUpFirstAttemptHours = "follow_up_first_attempt_hours"

    /// What the indicator is computed from: one tally, a ratio of two, or a set of durations.
    public var kind: IndicatorKind {
        switch self {
        case .contactsOffered: .count(.contactsOffered)
        case .contactsAnswered: .count(.contactsAnswered)
        case .answerRate: .rate(numerator: .contactsAnswered, denominator: .contactsOffered)
        case .abandonmentRate: .rate(numerator: .contactsAbandoned, denominator: .contactsOffered)
        case .answeredWithinTargetRate: .rate(numerator: .contactsAnsweredWithinTarget, denominator: .contactsAnswered)
        case .dispatches: .count(.dispatches)
        case .dispatchWithinTargetRate: .rate(numerator: .dispatchesOnSceneWithinTarget, denominator: .dispatchesOnScene)
        case .communityStabilizationRate: .rate(numerator: .dispatchesStabilizedInCommunity, denominator: .dispatchesCompleted)
        case .lawEnforcementInvolvementRate: .rate(numerator: .dispatchesLawEnforcementInvolved, denominator: .dispatchesCompleted)
        case .followUpsCreated: .count(.followUpsCreated)
        case .followUpCompletionRate: .rate(numerator: .followUpsCompleted, denominator: .followUpsCreated)
        case .followUpOnTimeRate: .rate(numerator: .followUpsReachedOnTime, denominator: .followUpsCreated)
        case .speedToAnswerSeconds, .dispatchResponseMinutes, .contactToSceneMinutes, .followUpFirstAttemptHours: .statistic
        }
    }

    /// The unit its figures are stated in.
    public var unit: IndicatorUnit {
        switch self {
        case .contactsOffered, .contactsAnswered: .contacts
        case .dispatches: .dispatches
        case .followUpsCreated: .followUps
        case .speedToAnswerSeconds: .seconds
        case .dispatchResponseMinutes, .contactToSceneMinutes: .minutes
        case .followUpFirstAttemptHours: .hours
        default: .proportion
        }
    }

    /// Which way is better, for the `kind` of an SPC signal; nil for counts, where more
    /// contacts or dispatches is demand, neither better nor worse.
    public var betterDirection: BetterDirection? {
        switch kind {
        case .count: nil
        case .statistic: .lower
        case .rate: self == .abandonmentRate || self == .lawEnforcementInvolvementRate ? .lower : .higher
        }
    }

    /// The part of the service it measures, for grouping columns in rendered reports.
    public var section: IndicatorSection {
        switch self {
        case .contactsOffered, .contactsAnswered, .answerRate, .abandonmentRate, .speedToAnswerSeconds,
             .answeredWithinTargetRate: .contacts
        case .dispatches, .dispatchResponseMinutes, .dispatchWithinTargetRate, .communityStabilizationRate,
             .lawEnforcementInvolvementRate, .contactToSceneMinutes: .dispatch
        case .followUpsCreated, .followUpCompletionRate, .followUpOnTimeRate, .followUpFirstAttemptHours: .followUp
        }
    }
}
