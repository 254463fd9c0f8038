public import Time

/// One period of a control chart.
public struct SPCPoint: Sendable, Hashable {
    /// The first day of the period.
    public var periodStart: CivilDate
    /// The proportion (p-chart) or the period's mean (XmR).
    public var value: Double
    /// The denominator (p-chart) or the number of values averaged (XmR).
    public var n: Int
    /// The control limits at this point; nil where the chart has too few points to set them
    /// (an XmR chart needs two baseline points for a moving range).
    public var lcl: Double?
    public var ucl: Double?

    public init(periodStart: CivilDate, value: Double, n: Int, lcl: Double?, ucl: Double?) {
        self.periodStart = periodStart
        self.value = value
        self.n = n
        self.lcl = lcl
        self.ucl = ucl
    }
}
