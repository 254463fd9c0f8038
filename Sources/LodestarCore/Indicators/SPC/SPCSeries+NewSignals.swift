import Time

extension SPCSeries {
    /// The signals a newly closed period raised, for announcing on the stream: those that
    /// reach this series' last point and continue no signal of the same rule and kind in
    /// `previous` (the same group's series evaluated before the period closed; nil when it
    /// had none).
    ///
    /// Signals are matched by the periods of their points, not by indices, so the two
    /// evaluations may cover different windows. A shift or trend that grows by a point, or a
    /// two-of-three cluster that gains one, shares periods with its earlier self and is not
    /// announced again; a point beyond a limit is always new. Signals that appear away from
    /// the last point (limits recomputed without a held baseline can move them) are history,
    /// not news.
    public func newSignals(since previous: SPCSeries?) -> [SPCSignal] {
        guard let last = points.indices.last else { return [] }
        let earlier = previous?.signals.map { signal in
            (rule: signal.rule, kind: signal.kind, periods: Set(signal.points.map { previous!.points[$0].periodStart }))
        } ?? []
        return signals.filter { signal in
            let periods = signal.points.map { points[$0].periodStart }
            return signal.points.last == last && !earlier.contains { old in
                old.rule == signal.rule && old.kind == signal.kind && !old.periods.isDisjoint(with: periods)
            }
        }
    }
}
