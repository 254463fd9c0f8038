/// The `name=value` pairs of a query string, percent-decoded, in the order sent.
///
/// Repeats are kept rather than resolved: whether `from=a&from=b` is an error or a list is the
/// route's decision (SPEC §2 makes a repeated parameter a 422 unless the route says otherwise).
public struct QueryParameters: Sendable, Equatable {
    /// One pair. `value` is nil when it does not decode to UTF-8; a pair without `=` has the
    /// value `""`.
    public struct Field: Sendable, Equatable {
        public let name: String
        public let value: String?

        public init(name: String, value: String?) {
            self.name = name
            self.value = value
        }
    }

    /// Every pair whose name decoded, in order.
    public let fields: [Field]
    /// Whether some pair's name did not decode to UTF-8 (that pair is not among `fields`).
    public let hasUndecodableName: Bool

    public init(fields: [Field], hasUndecodableName: Bool = false) {
        self.fields = fields
        self.hasUndecodableName = hasUndecodableName
    }

    /// The values sent under `name`, in order; nil for a value that did not decode.
    public func values(_ name: String) -> [String?] {
        fields.compactMap { $0.name == name ? .some($0.value) : nil }
    }

    /// The distinct names, in the order they first appear.
    public var names: [String] {
        var seen = Set<String>()
        return fields.compactMap { seen.insert($0.name).inserted ? $0.name : nil }
    }
}
