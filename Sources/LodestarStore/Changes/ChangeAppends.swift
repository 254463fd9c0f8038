public import Loop

/// Word, inside one process, that a transaction of this process committed board changes: the
/// process's own sequencer then numbers them at once (`ChangeFeed`).
///
/// Why not a notification from the database: a `NOTIFY` in the writing transaction (what
/// `sql/004_change_log.sql` first did) serializes the commits of every notifying transaction,
/// flush included, and wakes the sequencer of every process for every one of them; under the
/// routing benchmark that cost a tenth of ingest's throughput. Each process numbers what it
/// wrote; changes left unnumbered by a process that stopped in between are numbered by any
/// process's periodic pass.
@LoopActor
public final class ChangeAppends {
    private var observer: (@LoopActor () -> Void)?

    nonisolated init() {}

    /// `observer` is called after each commit that appended changes (the feed's numbering).
    func observe(_ observer: @escaping @LoopActor () -> Void) { self.observer = observer }

    /// Call after committing a transaction that appended changes.
    func committed() { observer?() }
}
