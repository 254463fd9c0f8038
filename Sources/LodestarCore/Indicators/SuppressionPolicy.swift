/// Small-cell suppression, the CMS cell-size rule (SPEC §7): counts from 1 to
/// `threshold − 1` are withheld, and so is anything from which such a count can be derived.
public struct SuppressionPolicy: Sendable, Hashable {
    /// The smallest count shown; 0 is always shown.
    public var threshold: Int
    /// Whether to suppress at all (`suppress=false` turns it off, for admins).
    public var isEnabled: Bool

    public init(threshold: Int = 11, isEnabled: Bool = true) {
        self.threshold = threshold
        self.isEnabled = isEnabled
    }

    /// The rule as SPEC states it, threshold 11.
    public static let standard = SuppressionPolicy()

    /// No suppression.
    public static let off = SuppressionPolicy(isEnabled: false)

    /// Whether `count` is a small cell: from 1 to `threshold − 1`.
    public func isSmall(_ count: Int) -> Bool {
        isEnabled && count >= 1 && count < threshold
    }
}
