public import Time

extension Dispatch {
    /// How long the dispatch has run: from its request to `now` while open, to its completion
    /// or cancellation once closed.
    public func elapsedMinutes(now: Timestamp) -> Double {
        (completedAt ?? cancelledAt ?? now).seconds(since: requestedAt) / 60
    }

    /// Whether no team was on scene within `targetMinutes` of the request (SPEC §4): a team that
    /// arrived late, or none yet once the target has passed (for a cancelled dispatch, when it
    /// was cancelled after the target passed).
    public func breached(targetMinutes: Int, now: Timestamp) -> Bool {
        let end = onSceneAt ?? cancelledAt ?? now
        return end.seconds(since: requestedAt) > Double(targetMinutes) * 60
    }
}
