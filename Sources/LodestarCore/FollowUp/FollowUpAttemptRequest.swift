/// What `POST /v1/follow-ups/{id}/attempts` asks to record (SPEC §6): an outcome, at the time
/// the body states or, without one, now.
public struct FollowUpAttemptRequest: Sendable, Hashable {
    public var at: RequestedTime
    public var outcome: AttemptOutcome

    public init(at: RequestedTime, outcome: AttemptOutcome) {
        self.at = at
        self.outcome = outcome
    }

    /// The attempt to record on `followUp` as read under its row's lock: at the stated time
    /// (which `FollowUp.attemptReceived` refuses when it goes back in time), else now but never
    /// before the follow-up's creation or its previous attempt.
    public func attempt(on followUp: FollowUp) -> FollowUpAttempt {
        FollowUpAttempt(at: at.resolved(after: followUp.attempts.last?.at ?? followUp.createdAt), outcome: outcome)
    }
}
