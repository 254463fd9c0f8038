/// The field lines of a request or response, in the order they were received or added.
///
/// Names keep the case they were sent with; lookups ignore ASCII case, as RFC 9110 §5.1 says.
/// Lookups are linear: heads are small and bounded by `HTTPLimits.maxHeaderCount`.
public struct HTTPHeaders: Sendable, Equatable {
    /// One field line: a name and its value, trimmed of surrounding whitespace.
    public typealias Field = (name: String, value: String)

    private var fields: [Field]

    /// Creates an empty set of fields.
    public init() {
        fields = []
    }

    /// Creates fields from name-value pairs, keeping their order.
    public init(_ fields: [(String, String)]) {
        self.fields = fields.map { (name: $0.0, value: $0.1) }
    }

    /// The number of field lines.
    public var count: Int { fields.count }

    /// Whether there are no field lines.
    public var isEmpty: Bool { fields.isEmpty }

    /// The value of the first field called `name` (any case), or nil.
    public subscript(name: String) -> String? {
        fields.first { ASCII.equalsIgnoringCase($0.name, name) }?.value
    }

    /// The values of every field called `name` (any case), in order.
    public func values(_ name: String) -> [String] {
        fields.compactMap { ASCII.equalsIgnoringCase($0.name, name) ? $0.value : nil }
    }

    /// The value of the field called `name` (any case) when exactly one was sent; nil when none
    /// or several were. One pass, where `count(of:)` and the subscript took two.
    public func soleValue(_ name: String) -> String? {
        var found: String?
        for field in fields where ASCII.equalsIgnoringCase(field.name, name) {
            guard found == nil else { return nil }
            found = field.value
        }
        return found
    }

    /// How many fields are called `name` (any case), without collecting their values.
    public func count(of name: String) -> Int {
        fields.reduce(0) { $0 + (ASCII.equalsIgnoringCase($1.name, name) ? 1 : 0) }
    }

    /// Appends a field line after the existing ones; an existing field of that name is kept.
    public mutating func add(name: String, value: String) {
        fields.append((name: name, value: value))
    }

    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
    }
}

extension HTTPHeaders: Sequence {
    /// Iterates the field lines in order.
    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }
}

extension HTTPHeaders: ExpressibleByDictionaryLiteral {
    /// Creates fields from a literal, keeping its order (repeated names are allowed).
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }
}
