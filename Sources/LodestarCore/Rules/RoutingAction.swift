/// What a routing decision tells the crisis line to do (SPEC §5).
public enum RoutingAction: String, Vocabulary {
    case resolveByPhone = "resolve_by_phone"
    /// Creates a dispatch, assigned to a team when the ruleset's `auto_assign` is on.
    case dispatchMobileTeam = "dispatch_mobile_team"
    case emergency911 = "emergency_911"
    case refer, transfer

    /// The priority of a decision whose outcome names none: `emergent` for a 911 hand-off,
    /// `urgent` for a mobile team, `routine` for everything handled without one.
    public var defaultPriority: DispatchPriority {
        switch self {
        case .emergency911: .emergent
        case .dispatchMobileTeam: .urgent
        case .resolveByPhone, .refer, .transfer: .routine
        }
    }
}
