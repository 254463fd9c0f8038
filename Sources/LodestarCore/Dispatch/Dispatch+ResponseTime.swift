public import Time

extension Dispatch {
    /// The times its response is measured by.
    public var responseTime: DispatchResponseTime {
        DispatchResponseTime(requestedAt: requestedAt, onSceneAt: onSceneAt, completedAt: completedAt, cancelledAt: cancelledAt)
    }

    /// How long the dispatch has run (`DispatchResponseTime.elapsedMinutes`).
    public func elapsedMinutes(now: Timestamp) -> Double {
        responseTime.elapsedMinutes(now: now)
    }

    /// Whether no team was on scene within `targetMinutes` of the request (SPEC §4;
    /// `DispatchResponseTime.breached`).
    public func breached(targetMinutes: Int, now: Timestamp) -> Bool {
        responseTime.breached(targetMinutes: targetMinutes, now: now)
    }
}
