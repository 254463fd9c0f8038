/// How a new dispatch gets its team.
public enum DispatchAssignment: Sendable, Hashable {
    /// The best available team now (capabilities, region, then ETA), else the queue. With
    /// `maxETAMinutes` only teams estimated to arrive within it qualify, now or from the queue.
    case automatic(maxETAMinutes: Double?)
    /// This team, which must be available.
    case team(String)
    /// Left `requested` until a dispatcher records an `assigned` step: the queue never takes it
    /// (a routing ruleset with `auto_assign: false`).
    case manual
}
