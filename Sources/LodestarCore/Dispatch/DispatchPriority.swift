/// How soon a dispatch must be answered; the board and the queue serve `emergent` first.
public enum DispatchPriority: String, Vocabulary {
    case emergent, urgent, routine

    /// What a dispatch that names none is: most mobile-crisis programs treat a request for a
    /// team as urgent (a response within the hour) unless it is said to be an emergency.
    public static let `default` = DispatchPriority.urgent

    /// 0 for the most pressing; the queue serves by it (then oldest first).
    public var rank: Int {
        switch self {
        case .emergent: 0
        case .urgent: 1
        case .routine: 2
        }
    }

    /// The board's order (SPEC §4): emergent first (0), then every other priority together (1),
    /// each oldest requested first.
    public var boardRank: Int { self == .emergent ? 0 : 1 }
}
