import JSON
public import Loop
import Postgres

/// The durable log behind `GET /v1/stream` (SPEC §4): numbers committed changes in the order
/// readers can see them, reads them back from a position, and forgets old ones.
///
/// Why numbering is separate from appending: see `sql/004_change_log.sql`.
@LoopActor
public final class ChangeLog {
    let pool: PostgresPool
    /// Changes are kept at least this long, so that a client reconnecting within it misses
    /// nothing (SPEC §4: at least an hour).
    public static let retention: Duration = .seconds(2 * 3600)
    /// Where numbered changes are announced to every process.
    static let numberedChannel = "lodestar_changes"
    /// One sequencer at a time, whichever process it runs in.
    private static let sequencerLock: Int64 = 0x4c44_5354_4348_4731

    init(pool: PostgresPool) { self.pool = pool }

    /// Numbers every committed, unnumbered change, oldest append first, and announces the new
    /// highest number to every process. Returns how many were numbered.
    @discardableResult
    public func numberCommitted() async throws -> Int {
        try await pool.transaction { tx in
            let results = try await tx.pipeline { batch in
                batch.add(Self.indexScansOnly)
                // The lock before the UPDATE: the UPDATE's snapshot then includes everything the
                // previous sequencer numbered, so `max(seq)` is the true top and numbers never repeat.
                batch.add("SELECT pg_advisory_xact_lock($1)", [Self.sequencerLock])
                batch.add(Self.numberSQL)
            }
            try results.check()
            let rows = try results.rows(at: 2)
            let highest = rows.compactMap { $0[0].int64 }.max()
            if let highest { _ = try await tx.query("SELECT pg_notify($1, $2)", [Self.numberedChannel, String(highest)]) }
            return rows.count
        }
    }

    /// Numbers the unnumbered rows in the order they were appended, after the highest number.
    static let numberSQL = """
        WITH pending AS (
            SELECT id, row_number() OVER (ORDER BY id) AS n FROM change_log WHERE seq IS NULL
        ), top AS (SELECT coalesce(max(seq), 0) AS s FROM change_log)
        UPDATE change_log c SET seq = top.s + pending.n FROM pending, top
        WHERE c.id = pending.id
        RETURNING c.seq
        """

    /// Numbering moves each row out of the index of unnumbered rows, leaving the entry of its
    /// old version there until VACUUM. A bitmap scan (what the planner picks) visits the heap
    /// page of every such entry on every pass: 1.6 ms a pass, and a tenth of PostgreSQL's CPU
    /// under the routing benchmark between vacuums. A plain index scan marks the entries it
    /// finds dead, and the next pass skips them without reading the heap.
    static let indexScansOnly = "SELECT set_config('enable_bitmapscan', 'off', true), set_config('enable_seqscan', 'off', true)"

    /// Numbered changes after `position`, in order, at most `limit`.
    public func read(after position: Int64, limit: Int) async throws -> [NumberedChange] {
        let rows = try await pool.query(
            "SELECT seq, kind, body::text FROM change_log WHERE seq > $1 ORDER BY seq LIMIT $2", [position, limit])
        return rows.compactMap { row in
            guard let seq = row[0].int64, let kind = row[1].string.flatMap(ChangeKind.init(rawValue:)), let body = row[2].string
            else { return nil }
            return NumberedChange(position: seq, kind: kind, body: body)
        }
    }

    /// The highest number given so far (0 when none): where a client that asks for no history starts.
    public func latestPosition() async throws -> Int64 {
        try await pool.query(Self.latestSQL)[0][0].int64 ?? 0
    }

    static let latestSQL = "SELECT coalesce(max(seq), 0) FROM change_log"

    /// `latestPosition()`, with the audit row of the stream `actor` opens, resuming after
    /// `lastEventID` if given: its changes are dispatches and follow-ups, contact-level data
    /// whose reads are audited (SPEC §8). One round trip, before any change is sent.
    public func latestPosition(openingStreamFor actor: String, resumingAfter lastEventID: Int64?) async throws -> Int64 {
        let entry = AuditEntry(actor: actor, action: "stream.read", resource: "stream",
                               detail: ["last_event_id": lastEventID.map { .int($0) } ?? .null])
        let results = try await pool.pipeline { batch in
            batch.add(Self.latestSQL)
            batch.add(AuditEntry.insertSQL, [AuditEntry.recordset([entry])])
        }
        try results.check()
        return try results.rows(at: 0).first?[0].int64 ?? 0
    }

    /// Deletes numbered changes older than the retention, always keeping the newest (its number
    /// is where numbering continues).
    @discardableResult
    public func prune() async throws -> Int {
        let seconds = Self.retention.components.seconds
        return try await pool.query("""
            DELETE FROM change_log
            WHERE recorded_at < now() - make_interval(secs => $1) AND seq < (SELECT max(seq) FROM change_log)
            RETURNING 1
            """, [seconds]).count
    }

    /// Notifications that changes were numbered (to read), from this process's listening
    /// connection.
    func numberedNotifications() async throws -> AsyncStream<PostgresNotification> {
        try await pool.notifications(channel: Self.numberedChannel)
    }
}

/// A change with its place in the log: `position` is the SSE event id.
public struct NumberedChange: Sendable, Equatable {
    public var position: Int64
    public var kind: ChangeKind
    /// The resource as JSON text, exactly as stored.
    public var body: String
}
