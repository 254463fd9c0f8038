/// The `age_group` buckets of SPEC §7.
public enum AgeGroup: String, Vocabulary {
    case under18 = "<18"
    case from18To24 = "18-24"
    case from25To44 = "25-44"
    case from45To64 = "45-64"
    case from65 = "65+"
    case unknown

    /// The bucket of a caller's stated age; `unknown` when none was stated.
    public init(age: Int?) {
        guard let age else {
            self = .unknown
            return
        }
        self = Self.allCases.first { $0.ages?.contains(age) == true } ?? .unknown
    }

    /// The ages the bucket holds (so the store can bucket in SQL alike); nil for `unknown`.
    /// The outer buckets reach past any age validation allows.
    public var ages: ClosedRange<Int>? {
        switch self {
        case .under18: Int.min...17
        case .from18To24: 18...24
        case .from25To44: 25...44
        case .from45To64: 45...64
        case .from65: 65...Int.max
        case .unknown: nil
        }
    }
}
