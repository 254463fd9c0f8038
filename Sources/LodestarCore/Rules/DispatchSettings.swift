/// The `dispatch` member of a ruleset: how a `dispatch_mobile_team` decision reaches a team.
public struct DispatchSettings: Sendable, Hashable {
    /// Whether a decision's dispatch is assigned to the best available team (or queued until
    /// one is free); when `false` it waits, `requested`, for a dispatcher. Default `true`.
    public var autoAssign: Bool
    /// The longest estimated arrival a team may have to be chosen automatically; `nil` (the
    /// default, or `null` in the document) sets no bound.
    public var maxETAMinutes: Int?

    public init(autoAssign: Bool = true, maxETAMinutes: Int? = nil) {
        self.autoAssign = autoAssign
        self.maxETAMinutes = maxETAMinutes
    }
}
