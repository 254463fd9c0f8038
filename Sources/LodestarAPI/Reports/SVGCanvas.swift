/// Inline SVG built element by element. Styling comes from the page's stylesheet by class
/// (so print rules apply to charts too); every text is escaped.
struct SVGCanvas {
    let width: Double
    let height: Double
    private var body = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    private static func number(_ value: Double) -> String {
        FigureText.coordinate(value)
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, class name: String) {
        body += "<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\" class=\"\(name)\"/>"
    }

    /// A polyline through `points`, as a path.
    mutating func path(_ points: [(x: Double, y: Double)], class name: String) {
        guard let first = points.first else { return }
        var data = "M\(Self.number(first.x)) \(Self.number(first.y))"
        for point in points.dropFirst() { data += "L\(Self.number(point.x)) \(Self.number(point.y))" }
        body += "<path d=\"\(data)\" class=\"\(name)\"/>"
    }

    mutating func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, class name: String) {
        body += "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(width, 0)))\" height=\"\(Self.number(height))\" class=\"\(name)\"/>"
    }

    mutating func circle(_ x: Double, _ y: Double, radius: Double, class name: String, title: String? = nil) {
        body += "<circle cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"\(Self.number(radius))\" class=\"\(name)\""
        body += title.map { "><title>\(HTMLText.escape($0))</title></circle>" } ?? "/>"
    }

    mutating func polygon(_ points: [(x: Double, y: Double)], class name: String, title: String? = nil) {
        let list = points.map { "\(Self.number($0.x)),\(Self.number($0.y))" }.joined(separator: " ")
        body += "<polygon points=\"\(list)\" class=\"\(name)\""
        body += title.map { "><title>\(HTMLText.escape($0))</title></polygon>" } ?? "/>"
    }

    enum Anchor: String {
        case start, middle, end
    }

    mutating func text(_ x: Double, _ y: Double, _ text: String, anchor: Anchor = .start, class name: String = "") {
        let classAttribute = name.isEmpty ? "" : " class=\"\(name)\""
        body += "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" text-anchor=\"\(anchor.rawValue)\"\(classAttribute)>\(HTMLText.escape(text))</text>"
    }

    /// The `<svg>` element, scaled to its container; `label` is read out by screen readers.
    func svg(label: String) -> String {
        "<svg viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\">"
            + body + "</svg>"
    }
}
