/// A linear map from data values to chart coordinates, over a domain widened to round
/// tick values (steps of 1, 2 or 5 times a power of ten).
struct ChartScale {
    let lower: Double
    let upper: Double
    let step: Double
    /// Where `lower` and `upper` land (for a y axis, `start` is the bottom).
    let start: Double
    let end: Double

    /// A scale covering `values` (at least one), with about `tickCount` ticks.
    init(covering values: [Double], from start: Double, to end: Double, tickCount: Int = 5) {
        var low = values.min() ?? 0
        var high = values.max() ?? 1
        if high - low < 1e-12 {
            // One value (or all equal): give it room either side.
            let pad = max(abs(high) * 0.1, 1e-3)
            low -= pad
            high += pad
        }
        step = Self.niceStep((high - low) / Double(max(tickCount, 1)))
        lower = (low / step).rounded(.down) * step
        upper = (high / step).rounded(.up) * step
        self.start = start
        self.end = end
    }

    /// The coordinate of `value`.
    func position(_ value: Double) -> Double {
        start + (value - lower) / (upper - lower) * (end - start)
    }

    /// The tick values from `lower` to `upper`.
    var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded())
        return (0...count).map { lower + Double($0) * step }
    }

    /// Decimals that tell the ticks apart.
    var tickDecimals: Int {
        var decimals = 0
        var unit = 1.0
        while unit > step * 1.000_001, decimals < 6 {
            unit /= 10
            decimals += 1
        }
        return decimals
    }

    /// 1, 2 or 5 times a power of ten, the smallest not below `rough`.
    static func niceStep(_ rough: Double) -> Double {
        guard rough.isFinite, rough > 0 else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        while magnitude > rough { magnitude /= 10 }
        for factor in [1.0, 2, 5, 10] where magnitude * factor >= rough * 0.999_999 {
            return magnitude * factor
        }
        return magnitude * 10
    }
}
