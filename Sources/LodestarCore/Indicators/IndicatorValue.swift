/// One indicator's figure as a report shows it; nil where it is suppressed or undefined.
public enum IndicatorValue: Sendable, Hashable {
    case count(Int?)
    case rate(Double?)
    /// nil as a whole: suppressed, or no values (SPEC: "a statistic ... is `null`").
    case statistic(StatisticFigures?)

    /// Whether the figure is null.
    public var isNull: Bool {
        switch self {
        case .count(let count): count == nil
        case .rate(let rate): rate == nil
        case .statistic(let figures): figures == nil
        }
    }
}

/// A shown statistic: `mean`, `p50`, `p90` in the indicator's unit.
public struct StatisticFigures: Sendable, Hashable {
    public var mean: Double
    public var p50: Double
    public var p90: Double

    public init(mean: Double, p50: Double, p90: Double) {
        self.mean = mean
        self.p50 = p50
        self.p90 = p90
    }
}
