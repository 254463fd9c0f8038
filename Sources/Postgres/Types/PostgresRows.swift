/// The outcome of one statement: its columns, its rows and how many rows it affected.
///
/// Values are copied out of libpq into one contiguous buffer, so a result costs a handful of
/// allocations however many cells it has, and it can outlive the connection.
public struct PostgresRows: RandomAccessCollection, Sendable {
    let storage: PostgresResultStorage

    init(storage: PostgresResultStorage) { self.storage = storage }

    public var columns: [PostgresColumn] { storage.columns }
    /// The count from the command tag (`INSERT 0 5` → 5); 0 for commands that report none.
    public var affectedRows: Int { storage.affectedRows }
    /// The command tag, e.g. `INSERT 0 5`, `COMMIT` (or `ROLLBACK` for a failed transaction).
    public var commandTag: String { storage.commandTag }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.rowCount }

    public subscript(position: Int) -> PostgresRow {
        precondition(position >= 0 && position < storage.rowCount, "row index out of range")
        return PostgresRow(storage: storage, row: position)
    }

    /// A result with no columns and no rows (a command such as `BEGIN`).
    static let empty = PostgresRows(storage: PostgresResultStorage(columns: [], rowCount: 0, bytes: [], starts: [], lengths: [], affectedRows: 0, commandTag: ""))
}

/// Immutable cell data of one result, shared by its rows and cells.
final class PostgresResultStorage: Sendable {
    let columns: [PostgresColumn]
    let rowCount: Int
    let bytes: [UInt8]
    /// Offset of each cell's text in `bytes`, row-major.
    let starts: [Int]
    /// Length of each cell's text; -1 for SQL NULL.
    let lengths: [Int]
    let affectedRows: Int
    let commandTag: String

    init(columns: [PostgresColumn], rowCount: Int, bytes: [UInt8], starts: [Int], lengths: [Int], affectedRows: Int, commandTag: String) {
        self.columns = columns
        self.rowCount = rowCount
        self.bytes = bytes
        self.starts = starts
        self.lengths = lengths
        self.affectedRows = affectedRows
        self.commandTag = commandTag
    }

    func columnIndex(named name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }

    /// The text of one cell, or nil for NULL.
    func text(row: Int, column: Int) -> String? {
        withBytes(row: row, column: column) { String(decoding: $0, as: UTF8.self) }
    }

    func isNull(row: Int, column: Int) -> Bool {
        lengths[row * columns.count + column] < 0
    }

    /// `body` applied to the UTF-8 bytes of one cell, in place; nil for NULL.
    func withBytes<R>(row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let cell = row * columns.count + column
        let length = lengths[cell]
        guard length >= 0 else { return nil }
        let start = starts[cell]
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<start + length])) }
    }
}
