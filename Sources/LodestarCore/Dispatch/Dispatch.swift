public import Time

/// A request for a mobile team for one contact, and how it went (SPEC §4).
///
/// Only `record(_:)` moves it along its lifecycle, so every stored dispatch went through legal
/// steps in time order.
public struct Dispatch: Sendable, Hashable {
    public let id: Int64
    public let contactID: String
    public internal(set) var status: DispatchStatus
    public let priority: DispatchPriority
    public let requires: [String]
    public internal(set) var teamID: String?
    /// Estimated minutes from assignment to arrival; nil when the contact's place is unknown.
    public internal(set) var etaMinutes: Double?
    public let requestedAt: Timestamp
    public internal(set) var assignedAt: Timestamp?
    public internal(set) var enRouteAt: Timestamp?
    public internal(set) var onSceneAt: Timestamp?
    public internal(set) var completedAt: Timestamp?
    public internal(set) var cancelledAt: Timestamp?
    public internal(set) var outcome: DispatchOutcome?
    public internal(set) var lawEnforcementInvolved: Bool?
    /// False for a dispatch left to a dispatcher (`DispatchAssignment.manual`): the queue never
    /// takes it.
    public let autoAssign: Bool
    /// Teams estimated to arrive later than this do not take the dispatch from the queue.
    public let maxETAMinutes: Double?

    /// A dispatch as stored.
    public init(id: Int64, contactID: String, status: DispatchStatus, priority: DispatchPriority, requires: [String],
                teamID: String?, etaMinutes: Double?, requestedAt: Timestamp, assignedAt: Timestamp?, enRouteAt: Timestamp?,
                onSceneAt: Timestamp?, completedAt: Timestamp?, cancelledAt: Timestamp?, outcome: DispatchOutcome?,
                lawEnforcementInvolved: Bool?, autoAssign: Bool, maxETAMinutes: Double?) {
        self.id = id
        self.contactID = contactID
        self.status = status
        self.priority = priority
        self.requires = requires
        self.teamID = teamID
        self.etaMinutes = etaMinutes
        self.requestedAt = requestedAt
        self.assignedAt = assignedAt
        self.enRouteAt = enRouteAt
        self.onSceneAt = onSceneAt
        self.completedAt = completedAt
        self.cancelledAt = cancelledAt
        self.outcome = outcome
        self.lawEnforcementInvolved = lawEnforcementInvolved
        self.autoAssign = autoAssign
        self.maxETAMinutes = maxETAMinutes
    }

    /// A new dispatch, `requested` and without a team (the caller records the assignment).
    public init(id: Int64, request: DispatchRequest) {
        var maxETA: Double?
        if case .automatic(let limit) = request.assignment { maxETA = limit }
        var autoAssign = true
        if case .manual = request.assignment { autoAssign = false }
        self.init(id: id, contactID: request.contactID, status: .requested, priority: request.priority, requires: request.requires,
                  teamID: nil, etaMinutes: nil, requestedAt: request.requestedAt, assignedAt: nil, enRouteAt: nil, onSceneAt: nil,
                  completedAt: nil, cancelledAt: nil, outcome: nil, lawEnforcementInvolved: nil,
                  autoAssign: autoAssign, maxETAMinutes: maxETA)
    }

    /// When the latest step happened; a new step may not be earlier.
    public var lastStepAt: Timestamp {
        [assignedAt, enRouteAt, onSceneAt, completedAt, cancelledAt].reduce(requestedAt) { latest, time in
            time.map { max(latest, $0) } ?? latest
        }
    }
}
