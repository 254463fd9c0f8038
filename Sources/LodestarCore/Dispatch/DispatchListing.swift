/// Which dispatches `GET /v1/dispatches?status=` lists.
public enum DispatchListing: Sendable, Hashable {
    /// Not completed or cancelled: the dispatch board (the default).
    case open
    /// Requested and without a team yet (`requested`).
    case queued
    /// Completed or cancelled.
    case closed
    /// Exactly this status.
    case status(DispatchStatus)

    /// The listing a `status` parameter names: `open`, `queued`, `closed` or a status.
    public init?(name: String) {
        switch name {
        case "open": self = .open
        case "queued": self = .queued
        case "closed": self = .closed
        default:
            guard let status = DispatchStatus(rawValue: name) else { return nil }
            self = .status(status)
        }
    }

    /// The name `init(name:)` reads this listing from.
    public var name: String {
        switch self {
        case .open: "open"
        case .queued: "queued"
        case .closed: "closed"
        case .status(let status): status.rawValue
        }
    }

    /// The names `init(name:)` accepts, for messages.
    public static let namesText = (["open", "queued", "closed"] + DispatchStatus.allCases.map { $0.rawValue }).joined(separator: ", ")

    public var statuses: [DispatchStatus] {
        switch self {
        case .open: DispatchStatus.allCases.filter { $0.isOpen }
        case .queued: [.requested]
        case .closed: [.completed, .cancelled]
        case .status(let status): [status]
        }
    }

    /// Open dispatches are listed as the board orders them (emergent first, then oldest
    /// requested); closed ones newest request first, where what was just closed is.
    public var isNewestFirst: Bool {
        !statuses.contains { $0.isOpen }
    }
}
