/// A step a dispatcher or a team's device records with `POST /v1/dispatches/{id}/events`.
public enum DispatchStepType: String, Vocabulary {
    case assigned
    case enRoute = "en_route"
    case onScene = "on_scene"
    case completed, cancelled

    /// The status the step leads to.
    public var status: DispatchStatus {
        switch self {
        case .assigned: .assigned
        case .enRoute: .enRoute
        case .onScene: .onScene
        case .completed: .completed
        case .cancelled: .cancelled
        }
    }
}
