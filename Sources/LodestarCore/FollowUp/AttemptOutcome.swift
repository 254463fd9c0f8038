/// What one attempt to reach a person came to (SPEC §6).
public enum AttemptOutcome: String, Sendable, CaseIterable, Vocabulary {
    case reached
    case noAnswer = "no_answer"
    case leftMessage = "left_message"
    case declined
    case wrongNumber = "wrong_number"

    /// The status this outcome closes a follow-up with by itself: `reached` completes it,
    /// `declined` closes it as declined. The others close it only by adding up.
    public var closingStatus: FollowUpStatus? {
        switch self {
        case .reached: .completed
        case .declined: .declined
        case .noAnswer, .leftMessage, .wrongNumber: nil
        }
    }

    /// An attempt that did not reach the person: these count towards `unable_to_reach`.
    public var isUnsuccessful: Bool { closingStatus == nil }
}
