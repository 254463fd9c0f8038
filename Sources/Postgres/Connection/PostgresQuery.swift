/// One statement and its parameters, already in text form.
public struct PostgresQuery: Sendable {
    public var sql: String
    /// Parameter texts for `$1`, `$2`, ...; nil is SQL NULL.
    public var parameters: [String?]

    public init(_ sql: String, _ parameters: [any PostgresEncodable] = []) {
        self.sql = sql
        self.parameters = parameters.map { $0.postgresText }
    }

    /// The protocol's limit on parameters per statement.
    static let maximumParameters = 65_535
}
