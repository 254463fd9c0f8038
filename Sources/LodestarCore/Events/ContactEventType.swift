/// The six kinds of contact event (SPEC §3), declared in lifecycle order.
public enum ContactEventType: String, Vocabulary {
    case received = "contact.received"
    case answered = "contact.answered"
    case abandoned = "contact.abandoned"
    case transferred = "contact.transferred"
    case assessed = "contact.assessed"
    case closed = "contact.closed"

    /// Position in the lifecycle; orders events that share an `occurred_at`.
    public var lifecycleRank: Int {
        switch self {
        case .received: 0
        case .answered: 1
        case .abandoned: 2
        case .transferred: 3
        case .assessed: 4
        case .closed: 5
        }
    }
}
