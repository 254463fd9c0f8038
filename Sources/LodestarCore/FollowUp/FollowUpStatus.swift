/// Where a follow-up stands (SPEC §6): open until the person is reached, declines, or cannot
/// be reached in the configured number of attempts; every other status is closed for good.
public enum FollowUpStatus: String, Sendable, CaseIterable {
    case open
    /// The person was reached.
    case completed
    /// The person declined follow-up.
    case declined
    /// The configured number of attempts failed to reach the person.
    case unableToReach = "unable_to_reach"
}
