import LodestarCore

/// Lines over periods, one per group, in the palette's colours (`s0`…`s7`); a period
/// without a value breaks its line.
enum SVGLineChart {
    struct Series {
        var label: String
        /// One value per period, aligned with the chart's period labels.
        var values: [Double?]
    }

    /// Distinct colours in the palette; more groups than this are not drawn.
    static let paletteSize = 8
    static let width = 640.0
    static let height = 230.0
    private static let left = 60.0
    private static let right = 40.0
    private static let top = 14.0
    private static let bottom = 30.0

    static func render(periods: [String], series: [Series], label: String, unit: IndicatorUnit) -> String {
        let format = { (value: Double) in FigureText.value(value, unit: unit) }
        var canvas = SVGCanvas(width: width, height: height)
        let values = series.flatMap { $0.values.compactMap { $0 } }
        let scale = ChartScale(covering: values + [0], from: height - bottom, to: top)
        canvas.valueAxis(scale, left: left, right: width - right, unit: unit)
        let xs = SVGCanvas.spread(periods.count, from: left, to: width - right)
        canvas.periodLabels(periods, at: xs, y: height - bottom + 16)
        for (index, line) in series.prefix(paletteSize).enumerated() {
            var segment: [(x: Double, y: Double)] = []
            for (period, value) in line.values.enumerated() {
                guard let value else {
                    canvas.path(segment, class: "line s\(index)")
                    segment = []
                    continue
                }
                let point = (x: xs[period], y: scale.position(value))
                segment.append(point)
                canvas.circle(point.x, point.y, radius: 2.5, class: "dot s\(index)", title: "\(line.label) \(periods[period]): \(format(value))")
            }
            canvas.path(segment, class: "line s\(index)")
        }
        return canvas.svg(label: label)
    }
}
