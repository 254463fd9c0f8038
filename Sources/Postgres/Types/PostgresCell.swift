public import Time

/// One value of a row, decoded on demand.
public struct PostgresCell: Sendable {
    let storage: PostgresResultStorage
    let row: Int
    /// -1 when looked up by a name the result does not have.
    let column: Int

    public var isNull: Bool { column < 0 || storage.isNull(row: row, column: column) }

    /// The value's text form as the server sent it; nil for NULL or a missing column.
    public var text: String? {
        column >= 0 ? storage.text(row: row, column: column) : nil
    }

    /// Decodes the value; NULL decodes only into types that accept it (Optionals).
    ///
    /// The error names the column but never the value, which may be a caller's data. It is
    /// described only when thrown: a NULL read as an Optional costs a length check.
    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self) throws(PostgresError) -> T {
        guard column >= 0 else {
            throw PostgresError(kind: .decoding, message: "no such column (result has \(storage.columns.map { $0.name }))")
        }
        switch storage.withBytes(row: row, column: column, T.init(postgresBytes:)) {
        case .some(.some(let value)):
            return value
        case .some(.none):
            throw PostgresError(kind: .decoding, message: "\(place) is not a valid \(T.self)")
        case .none:
            if let null = T.postgresNull { return null }
            throw PostgresError(kind: .decoding, message: "\(place) is NULL; decode as \(T.self)? to accept NULL")
        }
    }

    private var place: String {
        let described = storage.columns[column]
        return "column \(column) \"\(described.name)\" (type \(described.typeOID))"
    }

    public var string: String? { value() }
    public var int: Int? { value() }
    public var int64: Int64? { value() }
    public var double: Double? { value() }
    public var bool: Bool? { value() }
    public var timestamp: Timestamp? { value() }

    /// The value, or nil for NULL, a missing column or text that is not a `T`; nothing is
    /// described, so reading the many NULLs of nullable columns this way costs nothing.
    private func value<T: PostgresDecodable>(_ type: T.Type = T.self) -> T? {
        guard column >= 0 else { return nil }
        return storage.withBytes(row: row, column: column, T.init(postgresBytes:)) ?? nil
    }
}
