/// The values captured by a route's `{name}` segments, percent-decoded.
public struct PathParameters: Sendable, Equatable {
    private var values: [(name: String, value: String)] = []

    /// Creates an empty set; routes without parameters get one of these.
    public init() {}

    /// Creates parameters from name-value pairs; for tests and hand-built requests.
    public init(_ pairs: [(String, String)]) {
        values = pairs.map { (name: $0.0, value: $0.1) }
    }

    /// The decoded value captured under `name`, or nil when the route has no such parameter.
    public subscript(name: String) -> String? {
        values.first { $0.name == name }?.value
    }

    /// The number of captured parameters.
    public var count: Int { values.count }

    mutating func append(name: String, value: String) {
        values.append((name: name, value: value))
    }

    public static func == (lhs: PathParameters, rhs: PathParameters) -> Bool {
        lhs.values.elementsEqual(rhs.values) { $0.name == $1.name && $0.value == $1.value }
    }
}
