public import Time

/// The times a dispatch's response is measured by (SPEC §4), apart from the rest of the
/// dispatch: what the board needs to say at any moment how long a dispatch has run and whether
/// its target is breached, without holding the whole dispatch.
public struct DispatchResponseTime: Sendable, Hashable {
    public var requestedAt: Timestamp
    public var onSceneAt: Timestamp?
    public var completedAt: Timestamp?
    public var cancelledAt: Timestamp?

    public init(requestedAt: Timestamp, onSceneAt: Timestamp?, completedAt: Timestamp?, cancelledAt: Timestamp?) {
        self.requestedAt = requestedAt
        self.onSceneAt = onSceneAt
        self.completedAt = completedAt
        self.cancelledAt = cancelledAt
    }

    /// How long the dispatch has run: from its request to `now` while open, to its completion
    /// or cancellation once closed; zero for one requested at a time still to come (a client's
    /// clock ahead of the server's), never a negative wait on the board.
    public func elapsedMinutes(now: Timestamp) -> Double {
        max(0, (completedAt ?? cancelledAt ?? now).seconds(since: requestedAt) / 60)
    }

    /// Whether no team was on scene within `targetMinutes` of the request: a team that arrived
    /// late, or none yet once the target has passed (for a cancelled dispatch, when it was
    /// cancelled after the target passed).
    public func breached(targetMinutes: Int, now: Timestamp) -> Bool {
        let end = onSceneAt ?? cancelledAt ?? now
        return end.seconds(since: requestedAt) > Double(targetMinutes) * 60
    }
}
