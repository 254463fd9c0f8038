/// One row of a result; read cells by index or column name.
public struct PostgresRow: Sendable {
    let storage: PostgresResultStorage
    let row: Int

    public var columns: [PostgresColumn] { storage.columns }

    /// The cell at `column` (0-based). Out of range is a programming error.
    public subscript(column: Int) -> PostgresCell {
        precondition(column >= 0 && column < storage.columns.count, "column index out of range")
        return PostgresCell(storage: storage, row: row, column: column)
    }

    /// The cell of the column called `name`; a missing column decodes as an error.
    public subscript(name: String) -> PostgresCell {
        PostgresCell(storage: storage, row: row, column: storage.columnIndex(named: name) ?? -1)
    }

    /// Decodes the cell at `column` as `type`.
    public func decode<T: PostgresDecodable>(_ type: T.Type, at column: Int) throws(PostgresError) -> T {
        try self[column].decode(type)
    }

    /// Decodes the cell of the column called `name` as `type`.
    public func decode<T: PostgresDecodable>(_ type: T.Type, column name: String) throws(PostgresError) -> T {
        try self[name].decode(type)
    }
}
