public import Time

/// One dimension's value in a report group: text for attributes, an integer for
/// `ruleset_version`, the first day for a period. A missing attribute is `nil` in the key.
public enum GroupValue: Sendable, Hashable, Comparable {
    case text(String)
    case integer(Int64)
    case date(CivilDate)

    /// How reports write it: the text, the decimal integer, the date as `YYYY-MM-DD`.
    public var text: String {
        switch self {
        case .text(let text): text
        case .integer(let number): String(number)
        case .date(let date): date.rfc3339
        }
    }

    /// Dates in time order, integers by value, text by its Unicode scalars (stable whatever
    /// the locale); kinds never mix within one dimension.
    public static func < (lhs: GroupValue, rhs: GroupValue) -> Bool {
        switch (lhs, rhs) {
        case (.date(let left), .date(let right)): left < right
        case (.integer(let left), .integer(let right)): left < right
        case (.text(let left), .text(let right)): left.unicodeScalars.lexicographicallyPrecedes(right.unicodeScalars)
        default: lhs.rank < rhs.rank
        }
    }

    private var rank: Int {
        switch self {
        case .date: 0
        case .integer: 1
        case .text: 2
        }
    }
}

/// A report group: one value (or `nil`) per dimension of the report's `group_by`, in order.
public struct GroupKey: Sendable, Hashable, Comparable {
    public var values: [GroupValue?]

    public init(_ values: [GroupValue?]) {
        self.values = values
    }

    /// Dimension by dimension, `nil` after every value.
    public static func < (lhs: GroupKey, rhs: GroupKey) -> Bool {
        for (left, right) in zip(lhs.values, rhs.values) where left != right {
            guard let left else { return false }
            guard let right else { return true }
            return left < right
        }
        return lhs.values.count < rhs.values.count
    }
}
