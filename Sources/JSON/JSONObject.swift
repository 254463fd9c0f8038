/// A JSON object: key/value pairs in the order they were written or inserted, keys unique.
///
/// Lookup is a linear scan: the objects Lodestar reads are small (a dozen keys), and a linear
/// scan over a contiguous array beats hashing at that size. The parser guards against
/// quadratic duplicate checks on large objects separately.
public struct JSONObject: Sendable, Equatable {
    /// One member of an object.
    public typealias Element = (key: String, value: JSONValue)

    /// The members in order.
    public private(set) var pairs: [Element]

    /// An empty object.
    public init() {
        pairs = []
    }

    /// An object from pairs in order; a repeated key replaces the earlier value in place.
    public init(_ pairs: [(String, JSONValue)]) {
        self.pairs = []
        self.pairs.reserveCapacity(pairs.count)
        // Small objects: a linear search per key is cheapest. Larger ones (rows of two dozen
        // columns built on the ingest path) would make that quadratic, so track keys in a set
        // and search only on a repeat.
        guard pairs.count > 8 else {
            for (key, value) in pairs { set(key, value) }
            return
        }
        var seen = Set<String>(minimumCapacity: pairs.count)
        for (key, value) in pairs {
            if seen.insert(key).inserted { self.pairs.append((key, value)) } else { set(key, value) }
        }
    }

    /// Members appended without a duplicate check; the caller guarantees unique keys (rows
    /// built from a fixed column list, where checking would hash every key of every row).
    public init(uniquePairs: [Element]) {
        pairs = uniquePairs
    }

    /// The number of members.
    public var count: Int { pairs.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { pairs.isEmpty }

    /// The keys in order.
    public var keys: [String] { pairs.map { $0.key } }

    /// The value for `key`, or `nil` when absent. Setting `nil` removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let index = index(of: key) else { return nil }
            return pairs[index].value
        }
        set {
            if let newValue {
                set(key, newValue)
            } else if let index = index(of: key) {
                pairs.remove(at: index)
            }
        }
    }

    /// Sets `key` to `value`: replaces an existing member in place, or appends a new one.
    public mutating func set(_ key: String, _ value: JSONValue) {
        if let index = index(of: key) {
            pairs[index].value = value
        } else {
            pairs.append((key, value))
        }
    }

    /// Whether the object has a member named `key`.
    public func contains(_ key: String) -> Bool {
        index(of: key) != nil
    }

    func index(of key: String) -> Int? {
        pairs.firstIndex { $0.key == key }
    }

    /// Objects are equal when they have the same keys with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs.pairs where rhs[key] != value {
            return false
        }
        return true
    }
}

extension JSONObject: Sequence {
    public func makeIterator() -> IndexingIterator<[Element]> {
        pairs.makeIterator()
    }

    public var underestimatedCount: Int { pairs.count }
}
