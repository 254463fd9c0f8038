import LodestarCore

/// A horizontal bar chart, one bar per group: labels read left to right however many
/// groups there are, which rotated column labels would not.
enum SVGBarChart {
    /// One group's bar; without a value, `note` says why ("suppressed", "no value").
    struct Bar {
        var label: String
        var value: Double?
        var note: String
    }

    static let width = 640.0
    private static let labelWidth = 190.0
    private static let valueWidth = 70.0
    private static let rowHeight = 20.0
    private static let top = 6.0
    private static let axisHeight = 22.0

    static func render(_ bars: [Bar], label: String, unit: IndicatorUnit) -> String {
        let format = { (value: Double) in FigureText.value(value, unit: unit) }
        let height = top + Double(bars.count) * rowHeight + axisHeight
        var canvas = SVGCanvas(width: width, height: height)
        let scale = ChartScale(covering: bars.compactMap { $0.value } + [0], from: labelWidth, to: width - valueWidth, tickCount: 4)
        let axisY = top + Double(bars.count) * rowHeight
        for tick in scale.ticks {
            let x = scale.position(tick)
            canvas.line(x, top, x, axisY, class: "grid")
            canvas.text(x, axisY + 15, FigureText.tick(tick, unit: unit, decimals: scale.tickDecimals), anchor: .middle)
        }
        for (index, bar) in bars.enumerated() {
            let y = top + Double(index) * rowHeight
            canvas.text(labelWidth - 6, y + 14, shortened(bar.label), anchor: .end)
            if let value = bar.value {
                let zero = scale.position(0)
                let end = scale.position(value)
                canvas.rect(min(zero, end), y + 3, abs(end - zero), rowHeight - 6, class: "bar")
                canvas.text(max(zero, end) + 4, y + 14, format(value))
            } else {
                canvas.text(scale.position(0) + 4, y + 14, bar.note, class: "note")
            }
        }
        canvas.line(scale.position(0), top, scale.position(0), axisY, class: "axis")
        return canvas.svg(label: label)
    }

    /// A label cut to fit its column.
    static func shortened(_ text: String, to length: Int = 26) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
