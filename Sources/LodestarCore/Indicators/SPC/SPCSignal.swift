/// A special-cause signal on a control chart (SPEC §7, after NHS England's "Making Data
/// Count").
public struct SPCSignal: Sendable, Hashable {
    public var rule: SPCRule
    /// Indices into the series' points of every point that makes the signal, ascending.
    public var points: [Int]
    public var kind: SPCSignalKind

    public init(rule: SPCRule, points: [Int], kind: SPCSignalKind) {
        self.rule = rule
        self.points = points
        self.kind = kind
    }
}

/// The signal rules, in the order signals at the same point are listed.
public enum SPCRule: String, Sendable, Hashable, CaseIterable {
    /// A point strictly beyond a control limit.
    case outsideLimits = "outside_limits"
    /// 7 or more consecutive points strictly on one side of the centre line.
    case shift
    /// 7 or more consecutive points, each after the first strictly above (or below) the one
    /// before.
    case trend
    /// In 3 consecutive points, 2 or more beyond 2σ on one side, all 3 on that side.
    case twoOfThree = "two_of_three"
}

/// Whether a signal points the better or the worse way for its indicator.
public enum SPCSignalKind: String, Sendable, Hashable {
    case improvement, concern

    /// The kind of a signal on `side` of the centre (or moving that way) for an indicator
    /// that is better `better`.
    init(side: SPCSide, better: BetterDirection) {
        self = (side == .above) == (better == .higher) ? .improvement : .concern
    }
}
