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
    /// One standard deviation at this point, before the limits are clipped: the two-of-three
    /// rule's 2σ is twice it. Nil where the limits are.
    public var sigma: Double?

    public init(periodStart: CivilDate, value: Double, n: Int, lcl: Double?, ucl: Double?, sigma: Double?) {
        self.periodStart = periodStart
        self.value = value
        self.n = n
        self.lcl = lcl
        self.ucl = ucl
        self.sigma = sigma
    }
}
