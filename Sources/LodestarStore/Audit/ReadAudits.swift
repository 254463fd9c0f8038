import Loop
import Postgres

/// Audit rows of reads (SPEC §8: every read of contact-level data), written in transactions
/// that concurrent reads share: each read is answered once its row has committed, and a burst
/// of reads (a dispatch board polled by every console) costs one commit rather than one each.
///
/// Measured with `ops/bench/dispatch.sh`: a board page served from the cache, whose audit row
/// was its own autocommitted INSERT, fell from 0.27 of `/healthz`'s requests/s to 0.11.
@LoopActor
final class ReadAudits {
    /// One row; `detail` is JSON text, made once where the read is (a cached page's is kept).
    struct Row: Sendable {
        var actor: String
        var action: String
        var resource: String
        var detail: String
    }

    private let committer: GroupCommitter<Handler>

    init(pool: PostgresPool) {
        committer = GroupCommitter(pool: pool, handler: Handler())
    }

    /// Records the read; returns once its row is committed.
    func record(_ row: Row) async throws {
        try await committer.submit(row)
    }

    struct Handler: GroupCommitHandler {
        static let insertSQL = """
            INSERT INTO audit_log (actor, action, resource, detail)
            SELECT r.actor, r.action, r.resource, r.detail::jsonb
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS r(actor, action, resource, detail)
            """

        func commit(_ rows: [Row], in transaction: PostgresTransaction) async throws -> [Void] {
            var batch = PostgresBatch()
            batch.add(Self.insertSQL, [rows.map(\.actor), rows.map(\.action), rows.map(\.resource), rows.map(\.detail)])
            try await transaction.executeAndCommit(batch).check()
            return rows.map { _ in () }
        }
    }
}
