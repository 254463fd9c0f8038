/// How an indicator is computed from a group's raw figures.
public enum IndicatorKind: Sendable, Hashable {
    /// A number of things: shown as an integer.
    case count(Tally)
    /// `numerator ÷ denominator`, a proportion from 0 to 1.
    case rate(numerator: Tally, denominator: Tally)
    /// Durations summarised as `mean`, `p50` and `p90`.
    case statistic
}

/// The unit an indicator's figures are stated in.
public enum IndicatorUnit: String, Sendable, Hashable {
    case contacts, dispatches
    case followUps = "follow-ups"
    /// A rate: from 0 to 1.
    case proportion
    case seconds, minutes, hours

    /// Seconds in one unit, for durations; nil for counts and rates.
    public var secondsPerUnit: Double? {
        switch self {
        case .seconds: 1
        case .minutes: 60
        case .hours: 3600
        default: nil
        }
    }
}

/// Which way an indicator should move.
public enum BetterDirection: String, Sendable, Hashable {
    case higher, lower
}

/// The part of the service an indicator measures.
public enum IndicatorSection: String, Sendable, Hashable, CaseIterable {
    case contacts, dispatch
    case followUp = "follow_up"

    /// The heading rendered reports give it.
    public var title: String {
        switch self {
        case .contacts: "Contacts"
        case .dispatch: "Mobile team dispatch"
        case .followUp: "Follow-up"
        }
    }
}
