import Time

/// How many unsuccessful attempts close a follow-up as `unable_to_reach`
/// (`LODESTAR_FOLLOW_UP_MAX_ATTEMPTS`, default 3).
public struct FollowUpPolicy: Sendable, Equatable {
    public var maxUnsuccessfulAttempts: Int

    public init(maxUnsuccessfulAttempts: Int = 3) {
        precondition(maxUnsuccessfulAttempts >= 1, "a follow-up needs at least one attempt")
        self.maxUnsuccessfulAttempts = maxUnsuccessfulAttempts
    }
}

/// What an attempt did to a follow-up.
public enum AttemptVerdict: Sendable, Equatable {
    /// Recorded; the follow-up stays open.
    case recorded
    /// Recorded, and it closed the follow-up with this status at the attempt's time.
    case closed(FollowUpStatus)
    /// Not recorded; the follow-up is unchanged.
    case refused(AttemptRefusal)
}

/// Why an attempt was not recorded.
public enum AttemptRefusal: Sendable, Equatable {
    /// The follow-up is closed already, with this status (the API's 409).
    case closed(FollowUpStatus)
    /// The attempt is earlier than the follow-up's creation (the API's 422 at `at`).
    case beforeCreation
    /// The attempt is earlier than the previous attempt (the API's 422 at `at`).
    case beforePreviousAttempt
}

extension FollowUp {
    /// The follow-up's lifecycle: an attempt received, the verdict out. `reached` closes it
    /// `completed`, `declined` closes it `declined`, and the attempt that brings the
    /// unsuccessful ones to `policy.maxUnsuccessfulAttempts` closes it `unable_to_reach`; each
    /// closes at the attempt's time. Attempts come in time order: one earlier than the
    /// creation or the previous attempt is refused (an equal time is accepted), and so is any
    /// attempt on a closed follow-up.
    public mutating func attemptReceived(_ attempt: FollowUpAttempt, policy: FollowUpPolicy) -> AttemptVerdict {
        guard status == .open else { return .refused(.closed(status)) }
        guard attempt.at >= createdAt else { return .refused(.beforeCreation) }
        if let previous = attempts.last, attempt.at < previous.at { return .refused(.beforePreviousAttempt) }
        attempts.append(attempt)
        let closing = attempt.outcome.closingStatus
            ?? (unsuccessfulAttempts >= policy.maxUnsuccessfulAttempts ? .unableToReach : nil)
        guard let closing else { return .recorded }
        status = closing
        closedAt = attempt.at
        return .closed(closing)
    }
}
