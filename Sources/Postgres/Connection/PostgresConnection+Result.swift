import CPQ

extension PostgresConnection {
    /// Copies a `PGresult` into Swift values (the caller clears it).
    static func event(for result: OpaquePointer) -> ConnectionStateMachine.ResultEvent {
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return .rows(rows(of: result))
        case PGRES_PIPELINE_SYNC:
            return .sync
        case PGRES_PIPELINE_ABORTED:
            return .aborted
        case PGRES_FATAL_ERROR, PGRES_NONFATAL_ERROR, PGRES_BAD_RESPONSE:
            return .error(error(of: result))
        default:
            // COPY is not supported; the statement's error explains why.
            return .error(PostgresError(kind: .server, message: "unsupported result status (COPY is not supported)"))
        }
    }

    private static func error(of result: OpaquePointer) -> PostgresError {
        func field(_ code: UInt8) -> String? {
            guard let raw = PQresultErrorField(result, Int32(code)) else { return nil }
            return String(cString: raw)
        }
        return .server(
            sqlState: field(UInt8(ascii: "C")),
            message: field(UInt8(ascii: "M")) ?? "unknown server error",
            constraint: field(UInt8(ascii: "n")))
    }

    private static func rows(of result: OpaquePointer) -> PostgresRows {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        var columns: [PostgresColumn] = []
        columns.reserveCapacity(columnCount)
        for column in 0..<columnCount {
            columns.append(PostgresColumn(
                name: String(cString: PQfname(result, Int32(column))),
                typeOID: UInt32(PQftype(result, Int32(column)))))
        }
        var bytes: [UInt8] = []
        var starts: [Int] = []
        var lengths: [Int] = []
        starts.reserveCapacity(rowCount * columnCount)
        lengths.reserveCapacity(rowCount * columnCount)
        for row in 0..<Int32(rowCount) {
            for column in 0..<Int32(columnCount) {
                starts.append(bytes.count)
                if PQgetisnull(result, row, column) == 1 {
                    lengths.append(-1)
                    continue
                }
                let length = Int(PQgetlength(result, row, column))
                let value = UnsafeRawPointer(PQgetvalue(result, row, column)!)
                bytes.append(contentsOf: UnsafeRawBufferPointer(start: value, count: length))
                lengths.append(length)
            }
        }
        let affected = PQcmdTuples(result).map { Int(String(cString: $0)) ?? 0 } ?? 0
        let tag = PQcmdStatus(result).map { String(cString: $0) } ?? ""
        return PostgresRows(storage: PostgresResultStorage(
            columns: columns, rowCount: rowCount, bytes: bytes, starts: starts, lengths: lengths, affectedRows: affected, commandTag: tag))
    }
}
