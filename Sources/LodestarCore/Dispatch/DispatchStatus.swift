/// Where a dispatch is in its lifecycle (SPEC §4): `requested` → `assigned` → `en_route` →
/// `on_scene` → `completed`, or `cancelled` from any open state. A `requested` dispatch is
/// queued: no team has taken it yet.
public enum DispatchStatus: String, Vocabulary {
    case requested, assigned
    case enRoute = "en_route"
    case onScene = "on_scene"
    case completed, cancelled

    /// Not completed or cancelled: on the dispatch board.
    public var isOpen: Bool { self != .completed && self != .cancelled }

    /// Whether a team is committed to the dispatch: a team holds at most one such dispatch.
    public var holdsTeam: Bool { self == .assigned || self == .enRoute || self == .onScene }

    /// The steps that may follow, in lifecycle order.
    public var allowedSteps: [DispatchStepType] {
        switch self {
        case .requested: [.assigned, .cancelled]
        case .assigned: [.enRoute, .cancelled]
        case .enRoute: [.onScene, .cancelled]
        case .onScene: [.completed, .cancelled]
        case .completed, .cancelled: []
        }
    }
}
