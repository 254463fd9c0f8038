/// The lock every transaction takes before it changes a dispatch or a team, in every Lodestar
/// process sharing the database (a transaction-scoped advisory lock, namespace 7302).
///
/// Assignment decisions read teams and the queue, then write: two transactions deciding at once
/// could give one team two dispatches, or miss each other entirely (one queues a dispatch while
/// the other frees a fitting team, and neither sees the other's uncommitted row, so the team
/// waits idle beside a queued dispatch). Holding one lock from the first read to the commit
/// makes every such decision see the one committed before it. Such writes are a few a second
/// at most, so one lock costs nothing measurable; reads never take it. The lock must be its
/// own statement, before the reads: in READ COMMITTED each statement sees what committed before
/// it started, and a statement that waits for the lock started before the holder committed.
///
/// A transaction that also takes contact locks (ingest, 7301) takes them first, in the same hash
/// order: ingest, and the creation of a dispatch for a contact (`DispatchPlanner`), so the two
/// never wait for each other in a cycle.
enum DispatchLock {
    static let sql = "SELECT pg_advisory_xact_lock(7302, 0)"
}
