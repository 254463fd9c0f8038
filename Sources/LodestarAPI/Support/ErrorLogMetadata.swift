import Logging
import Postgres

/// What a failed request's log line may say about its error beyond the type: for a database
/// error its kind and SQLSTATE, which name the failure without quoting any value. The message
/// text is left out: a server message may quote a caller's data.
enum ErrorLogMetadata {
    @Sendable
    static func of(_ error: any Error) -> Logger.Metadata {
        guard let error = error as? PostgresError else { return [:] }
        var metadata: Logger.Metadata = ["db_error_kind": .string("\(error.kind)")]
        if let sqlState = error.sqlState { metadata["sqlstate"] = .string(sqlState) }
        return metadata
    }
}
