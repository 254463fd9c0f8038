/// A Swift value that can be read from a result column (PostgreSQL's text format).
public protocol PostgresDecodable: Sendable {
    /// Decodes a non-NULL value; nil when the text is not a valid value of this type.
    init?(postgresText text: String)
    /// The same from the text's UTF-8 bytes, as the result holds them. By default through
    /// `init(postgresText:)`; numbers and booleans read the bytes without making a `String`.
    init?(postgresBytes bytes: UnsafeBufferPointer<UInt8>)
    /// What SQL NULL decodes to; nil means NULL is an error for this type.
    static var postgresNull: Self? { get }
}

extension PostgresDecodable {
    public init?(postgresBytes bytes: UnsafeBufferPointer<UInt8>) {
        self.init(postgresText: String(decoding: bytes, as: UTF8.self))
    }

    public static var postgresNull: Self? { nil }
}

extension String: PostgresDecodable {
    public init?(postgresText text: String) { self = text }
}

extension Int: PostgresDecodable {
    public init?(postgresText text: String) { self.init(text) }

    public init?(postgresBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard let value = PostgresNumberText.integer(bytes, as: Self.self) else { return nil }
        self = value
    }
}

extension Int64: PostgresDecodable {
    public init?(postgresText text: String) { self.init(text) }

    public init?(postgresBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard let value = PostgresNumberText.integer(bytes, as: Self.self) else { return nil }
        self = value
    }
}

extension Int32: PostgresDecodable {
    public init?(postgresText text: String) { self.init(text) }

    public init?(postgresBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard let value = PostgresNumberText.integer(bytes, as: Self.self) else { return nil }
        self = value
    }
}

extension Bool: PostgresDecodable {
    /// The server writes booleans as `t` and `f`.
    public init?(postgresText text: String) {
        var text = text
        guard let value = text.withUTF8(Self.init(postgresBytes:)) else { return nil }
        self = value
    }

    public init?(postgresBytes bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.elementsEqual("t".utf8) || bytes.elementsEqual("true".utf8) {
            self = true
        } else if bytes.elementsEqual("f".utf8) || bytes.elementsEqual("false".utf8) {
            self = false
        } else {
            return nil
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

    public init?(postgresBytes bytes: UnsafeBufferPointer<UInt8>) {
        if let value = PostgresNumberText.shortDecimal(bytes) ?? PostgresNumberText.anyDouble(bytes) {
            self = value
        } else {
            self.init(postgresText: String(decoding: bytes, as: UTF8.self))
        }
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public init?(postgresText text: String) {
        guard let value = Wrapped(postgresText: text) else { return nil }
        self = .some(value)
    }

    public init?(postgresBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard let value = Wrapped(postgresBytes: bytes) else { return nil }
        self = .some(value)
    }

    public static var postgresNull: Self? { .some(.none) }
}

extension Array: PostgresDecodable where Element: PostgresDecodable {
    /// A one-dimensional array (`text[]`, `int8[]`, ...); NULL elements need an Optional element.
    public init?(postgresText text: String) {
        var text = text
        guard let value = text.withUTF8(Self.init(postgresBytes:)) else { return nil }
        self = value
    }

    public init?(postgresBytes bytes: UnsafeBufferPointer<UInt8>) {
        var result: [Element] = []
        let parsed = PostgresArrayLiteral.forEachElement(in: bytes) { item in
            guard let item else {
                guard let null = Element.postgresNull else { return false }
                result.append(null)
                return true
            }
            guard let element = Element(postgresBytes: item) else { return false }
            result.append(element)
            return true
        }
        guard parsed else { return nil }
        self = result
    }
}
