/// Assessed risk, ordered `none < low < moderate < high < imminent` so rules can compare it.
public enum RiskLevel: String, Vocabulary, Comparable {
    case none, low, moderate, high, imminent

    /// Position on the scale, 0 for `none`.
    public var rank: Int {
        switch self {
        case .none: 0
        case .low: 1
        case .moderate: 2
        case .high: 3
        case .imminent: 4
        }
    }

    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool {
        lhs.rank < rhs.rank
    }
}
