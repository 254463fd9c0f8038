/// A Swift value that can be read from a result column (PostgreSQL's text format).
public protocol PostgresDecodable: Sendable {
    /// Decodes a non-NULL value; nil when the text is not a valid value of this type.
    init?(postgresText text: String)
    /// What SQL NULL decodes to; nil means NULL is an error for this type.
    static var postgresNull: Self? { get }
}

extension PostgresDecodable {
    public static var postgresNull: Self? { nil }
}

extension String: PostgresDecodable {
    public init?(postgresText text: String) { self = text }
}

extension Int: PostgresDecodable {
    public init?(postgresText text: String) { self.init(text) }
}

extension Int64: PostgresDecodable {
    public init?(postgresText text: String) { self.init(text) }
}

extension Int32: PostgresDecodable {
    public init?(postgresText text: String) { self.init(text) }
}

extension Bool: PostgresDecodable {
    /// The server writes booleans as `t` and `f`.
    public init?(postgresText text: String) {
        switch text {
        case "t", "true": self = true
        case "f", "false": self = false
        default: return nil
        }
    }
}

extension Double: PostgresDecodable {
    public init?(postgresText text: String) {
        switch text {
        case "NaN": self = .nan
        case "Infinity": self = .infinity
        case "-Infinity": self = -.infinity
        default: self.init(text)
        }
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public init?(postgresText text: String) {
        guard let value = Wrapped(postgresText: text) else { return nil }
        self = .some(value)
    }

    public static var postgresNull: Self? { .some(.none) }
}

extension Array: PostgresDecodable where Element: PostgresDecodable {
    /// A one-dimensional array (`text[]`, `int8[]`, ...); NULL elements need an Optional element.
    public init?(postgresText text: String) {
        guard let items = PostgresArrayLiteral.parse(text) else { return nil }
        var result: [Element] = []
        result.reserveCapacity(items.count)
        for item in items {
            if let item {
                guard let element = Element(postgresText: item) else { return nil }
                result.append(element)
            } else {
                guard let null = Element.postgresNull else { return nil }
                result.append(null)
            }
        }
        self = result
    }
}
