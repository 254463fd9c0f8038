/// The control chart an indicator is drawn on (SPEC §7).
public enum SPCChart: String, Sendable, Hashable {
    /// Rates: a p-chart, limits from each period's denominator.
    case p
    /// Durations: an XmR chart of the period means.
    case xmr
}

extension Indicator {
    /// The chart for this indicator; nil for counts. SPEC names charts for rates and times
    /// only, and a count has no better direction to call a signal an improvement or a concern.
    public var spcChart: SPCChart? {
        switch kind {
        case .count: nil
        case .rate: .p
        case .statistic: .xmr
        }
    }

    /// Parses an `indicator=` value for `/v1/reports/spc`: a rate or a time of the catalogue.
    public static func charted(_ name: String) throws(IndicatorQueryError) -> Indicator {
        guard let indicator = Indicator(rawValue: name) else {
            throw IndicatorQueryError(parameter: "indicator", message: "must be one of: \(chartedChoicesText)")
        }
        guard indicator.spcChart != nil else {
            throw IndicatorQueryError(parameter: "indicator", message: "is a count, which has no control chart; choose one of: \(chartedChoicesText)")
        }
        return indicator
    }

    private static var chartedChoicesText: String {
        allCases.filter { $0.spcChart != nil }.map { $0.rawValue }.joined(separator: ", ")
    }
}
