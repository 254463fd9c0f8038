public import Time

/// One value of a row, decoded on demand.
public struct PostgresCell: Sendable {
    let storage: PostgresResultStorage
    let row: Int
    /// -1 when looked up by a name the result does not have.
    let column: Int

    public var isNull: Bool { text == nil }

    /// The value's text form as the server sent it; nil for NULL or a missing column.
    public var text: String? {
        column >= 0 ? storage.text(row: row, column: column) : nil
    }

    /// Decodes the value; NULL decodes only into types that accept it (Optionals).
    ///
    /// The error names the column but never the value, which may be a caller's data.
    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self) throws(PostgresError) -> T {
        guard column >= 0 else {
            throw PostgresError(kind: .decoding, message: "no such column (result has \(storage.columns.map(\.name)))")
        }
        guard let text else {
            if let null = T.postgresNull { return null }
            throw PostgresError(kind: .decoding, message: "\(place) is NULL; decode as \(T.self)? to accept NULL")
        }
        guard let value = T(postgresText: text) else {
            throw PostgresError(kind: .decoding, message: "\(place) is not a valid \(T.self)")
        }
        return value
    }

    private var place: String {
        let described = storage.columns[column]
        return "column \(column) \"\(described.name)\" (type \(described.typeOID))"
    }

    public var string: String? { try? decode(String.self) }
    public var int: Int? { try? decode(Int.self) }
    public var int64: Int64? { try? decode(Int64.self) }
    public var double: Double? { try? decode(Double.self) }
    public var bool: Bool? { try? decode(Bool.self) }
    public var timestamp: Timestamp? { try? decode(Timestamp.self) }
}
