import Postgres

/// Whether `error` means the database cannot be reached right now (down, restarting, or no
/// connection free in time), as opposed to a statement failing. The API answers such errors
/// with 503 and `Retry-After`; the pool keeps reconnecting by itself.
public func isDatabaseUnavailable(_ error: any Error) -> Bool {
    guard let error = error as? PostgresError else { return false }
    return error.kind == .unavailable || error.kind == .connectionLost
}
