import LodestarCore

extension SVGCanvas {
    /// Horizontal grid lines and labels at the scale's ticks, for a vertical value axis
    /// from `left` to `right`.
    mutating func valueAxis(_ scale: ChartScale, left: Double, right: Double, unit: IndicatorUnit) {
        for tick in scale.ticks {
            let y = scale.position(tick)
            line(left, y, right, y, class: "grid")
            text(left - 4, y + 3.5, FigureText.tick(tick, unit: unit, decimals: scale.tickDecimals), anchor: .end)
        }
        line(left, scale.start, left, scale.end, class: "axis")
    }

    /// Period labels under points at `xs`, thinned to at most `maximum` so they never overlap.
    mutating func periodLabels(_ labels: [String], at xs: [Double], y: Double, maximum: Int = 8) {
        guard !labels.isEmpty else { return }
        let every = max(1, (labels.count + maximum - 1) / maximum)
        for index in labels.indices where index % every == 0 {
            text(xs[index], y, labels[index], anchor: .middle)
        }
    }

    /// The centres of `count` equal columns between `start` and `end`: a point's column is
    /// where a p-chart holds its limits.
    static func spread(_ count: Int, from start: Double, to end: Double) -> [Double] {
        let column = (end - start) / Double(max(count, 1))
        return (0..<count).map { start + (Double($0) + 0.5) * column }
    }
}
