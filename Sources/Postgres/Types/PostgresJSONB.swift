/// JSON text sent to or read from a `jsonb` (or `json`) column, unparsed.
///
/// The wrapper documents intent at call sites; the server validates the JSON.
public struct PostgresJSONB: PostgresEncodable, PostgresDecodable, Hashable {
    public var text: String

    public init(_ text: String) { self.text = text }

    public init?(postgresText text: String) { self.text = text }

    public var postgresText: String? { text }
}
