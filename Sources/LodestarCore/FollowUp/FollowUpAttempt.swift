public import Time

/// One attempt to reach the person a follow-up is for: when, and what came of it.
public struct FollowUpAttempt: Sendable, Hashable {
    public var at: Timestamp
    public var outcome: AttemptOutcome

    public init(at: Timestamp, outcome: AttemptOutcome) {
        self.at = at
        self.outcome = outcome
    }
}
