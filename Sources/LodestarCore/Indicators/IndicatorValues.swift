/// Every indicator of one report row, after suppression, with the names of those suppressed.
public struct IndicatorValues: Sendable, Hashable {
    /// One value per indicator of the catalogue.
    public var values: [Indicator: IndicatorValue]
    /// The indicators made null by suppression, in catalogue order. Nulls that are not
    /// suppressions (a rate over 0, a statistic over no values) are not named.
    public var suppressed: [Indicator]

    public init(values: [Indicator: IndicatorValue], suppressed: [Indicator]) {
        self.values = values
        self.suppressed = suppressed
    }

    /// The value of `indicator` (a null of its kind when the row lacks it).
    public subscript(indicator: Indicator) -> IndicatorValue {
        if let value = values[indicator] { return value }
        switch indicator.kind {
        case .count: return .count(nil)
        case .rate: return .rate(nil)
        case .statistic: return .statistic(nil)
        }
    }
}
