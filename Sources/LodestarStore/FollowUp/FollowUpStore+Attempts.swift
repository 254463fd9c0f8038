import JSON
public import LodestarCore
import Postgres
public import Time

extension FollowUpStore {
    /// Records an attempt on follow-up `id` as its lifecycle (`FollowUp.attemptReceived`)
    /// allows, with its audit row and, when it closes the follow-up, the `closed` change; nil
    /// for an unknown id. Throws `FollowUpAttemptRefused` (nothing written) when the follow-up
    /// is closed or a stated time is too early.
    ///
    /// The follow-up's row is locked first, and its attempts read by the next statement (a
    /// fresh snapshot, after the lock), so concurrent attempts — from any process — apply one
    /// after the other, each judged against what the one before committed; an attempt without a
    /// time is timed then, after them.
    public func recordAttempt(_ request: FollowUpAttemptRequest, on id: String, policy: FollowUpPolicy,
                              by actor: String, now: Timestamp) async throws -> FollowUp? {
        try await pool.transaction { tx in
            var read = PostgresBatch()
            read.add("SELECT 1 FROM follow_ups WHERE id = $1::uuid FOR NO KEY UPDATE", [id])
            let row = read.add(FollowUpSQL.byID, [id])
            let stored = try await tx.execute(read)
            try stored.check()
            guard var followUp = try stored.rows(row).first.map(FollowUpSQL.followUp) else { return nil }
            let attempt = request.attempt(on: followUp)

            let closing: FollowUpStatus?
            switch followUp.attemptReceived(attempt, policy: policy) {
            case .recorded: closing = nil
            case .closed(let status): closing = status
            case .refused(let refusal): throw FollowUpAttemptRefused(refusal: refusal)
            }

            var write = PostgresBatch()
            write.add(Self.insertAttempt, [id, followUp.attempts.count, attempt.at, attempt.outcome.rawValue])
            write.add(Self.updateAfterAttempt, [id, followUp.status.rawValue, followUp.closedAt, attempt.at])
            write.add(AuditEntry.insertSQL, [AuditEntry.recordset([
                AuditEntry(actor: actor, action: "follow_up.attempt", resource: "follow_up/\(id)", detail: [
                    "outcome": .string(attempt.outcome.rawValue), "status": .string(followUp.status.rawValue),
                ]),
            ])])
            if closing != nil {
                write.add(Change.insertSQL, [Change.recordset([Change(kind: .followUp, body: followUp.announcement(.closed, now: now))])])
            }
            _ = try await tx.executeAndCommit(write)
            if closing != nil { appends.committed() }
            return followUp
        }
    }

    /// `$1` follow-up, `$2` its position (1-based), `$3` time, `$4` outcome.
    static let insertAttempt = """
        INSERT INTO follow_up_attempts (follow_up_id, n, at, outcome) VALUES ($1::uuid, $2::integer, $3::timestamptz, $4)
        """

    /// `$1` follow-up, `$2` status, `$3` closed at (NULL while open), `$4` the attempt's time.
    static let updateAfterAttempt = """
        UPDATE follow_ups SET status = $2, closed_at = $3::timestamptz, attempt_count = attempt_count + 1,
            first_attempt_at = coalesce(first_attempt_at, $4::timestamptz)
        WHERE id = $1::uuid
        """
}

/// An attempt the follow-up's lifecycle refused; nothing was written.
public struct FollowUpAttemptRefused: Error {
    public var refusal: AttemptRefusal
}
