import LodestarCore
import Time

/// One SPC series drawn the "Making Data Count" way: the data as a grey line and points, the
/// centre as a solid line, the control limits dashed (stepping with each point's n on a
/// p-chart), and every point of a signal coloured by its kind: blue squares for
/// improvement, orange diamonds for concern (a point in both is drawn as a concern).
enum SVGControlChart {
    static let width = 720.0
    static let height = 260.0
    private static let left = 64.0
    private static let right = 40.0
    private static let top = 12.0
    private static let bottom = 32.0

    static func render(_ series: SPCSeries, unit: IndicatorUnit, label: String) -> String {
        let format = { (value: Double) in FigureText.value(value, unit: unit) }
        var canvas = SVGCanvas(width: width, height: height)
        let points = series.points
        var covered = points.map { $0.value } + [series.centre]
        covered += points.compactMap { $0.lcl } + points.compactMap { $0.ucl }
        let scale = ChartScale(covering: covered, from: height - bottom, to: top)
        canvas.valueAxis(scale, left: left, right: width - right, unit: unit)
        let xs = SVGCanvas.spread(points.count, from: left, to: width - right)
        canvas.periodLabels(points.map { $0.periodStart.rfc3339 }, at: xs, y: height - bottom + 18)
        let half = (width - right - left) / Double(points.count) / 2
        canvas.line(xs[0] - half, scale.position(series.centre), xs[xs.count - 1] + half, scale.position(series.centre), class: "centre")
        for limit in [\SPCPoint.lcl, \SPCPoint.ucl] {
            canvas.path(steps(points.map { $0[keyPath: limit] }, xs: xs, half: half, scale: scale), class: "limit")
        }
        canvas.path(zip(xs, points).map { (x: $0, y: scale.position($1.value)) }, class: "data")
        let kinds = signalKinds(series)
        for (index, point) in points.enumerated() {
            let x = xs[index]
            let y = scale.position(point.value)
            let title = "\(point.periodStart.rfc3339): \(format(point.value)) (n = \(point.n))"
            switch kinds[index] {
            case .concern: canvas.polygon([(x, y - 5.5), (x + 5.5, y), (x, y + 5.5), (x - 5.5, y)], class: "pt concern", title: title)
            case .improvement: canvas.polygon([(x - 4.5, y - 4.5), (x + 4.5, y - 4.5), (x + 4.5, y + 4.5), (x - 4.5, y + 4.5)], class: "pt improvement", title: title)
            case nil: canvas.circle(x, y, radius: 3, class: "pt", title: title)
            }
        }
        return canvas.svg(label: label)
    }

    /// A limit as horizontal steps, each point's value held across its column; breaks where
    /// a point has no limit are bridged by leaving those columns out.
    private static func steps(_ limits: [Double?], xs: [Double], half: Double, scale: ChartScale) -> [(x: Double, y: Double)] {
        var path: [(x: Double, y: Double)] = []
        for (index, limit) in limits.enumerated() {
            guard let limit else { continue }
            let y = scale.position(min(max(limit, scale.lower), scale.upper))
            path.append((xs[index] - half, y))
            path.append((xs[index] + half, y))
        }
        return path
    }

    /// Each point's colouring: concern if any concern signal names it, else improvement if
    /// one does, else nil.
    static func signalKinds(_ series: SPCSeries) -> [SPCSignalKind?] {
        var kinds = [SPCSignalKind?](repeating: nil, count: series.points.count)
        for signal in series.signals {
            for index in signal.points where kinds[index] != .concern {
                kinds[index] = signal.kind
            }
        }
        return kinds
    }
}
