import JSON
import LodestarCore
import Postgres

/// What one transaction writes of dispatches and teams, with the audit rows and the stream
/// changes that go with it, added to the transaction's last batch by `add(to:eta:)`.
///
/// Every write is a whole row from the Swift value (under `DispatchLock`, nothing else changes
/// the row meanwhile). Dispatches are written in the order they were recorded here, so a
/// dispatch that releases a team precedes the one that takes it.
struct DispatchWrites {
    private(set) var dispatches: [Dispatch] = []
    private(set) var teams: [Team] = []
    private(set) var audit: [AuditEntry] = []

    var isEmpty: Bool { dispatches.isEmpty && teams.isEmpty && audit.isEmpty }

    /// Records the dispatch's new state (a second write of the same dispatch replaces the first).
    mutating func write(_ dispatch: Dispatch) {
        if let index = dispatches.firstIndex(where: { $0.id == dispatch.id }) {
            dispatches[index] = dispatch
        } else {
            dispatches.append(dispatch)
        }
    }

    /// Records the team's new state (a second write of the same team replaces the first).
    mutating func write(_ team: Team) {
        if let index = teams.firstIndex(where: { $0.id == team.id }) {
            teams[index] = team
        } else {
            teams.append(team)
        }
    }

    mutating func audit(_ entry: AuditEntry) {
        audit.append(entry)
    }

    /// The team as this transaction leaves it, if it wrote it.
    func team(_ id: String) -> Team? {
        teams.first { $0.id == id }
    }

    /// Adds the writes to `batch`: teams (which dispatches reference), dispatches, audit rows,
    /// and one stream change per dispatch and per team in its final state.
    func add(to batch: inout PostgresBatch, eta: ETAModel) {
        addRows(to: &batch, eta: eta)
        if !audit.isEmpty { batch.add(AuditEntry.insertSQL, [AuditEntry.recordset(audit)]) }
        if !changes.isEmpty { batch.add(Change.insertSQL, [Change.recordset(changes)]) }
    }

    /// Adds the teams' and dispatches' rows only, for a caller that writes `audit` and
    /// `changes` with its own (the ingest transaction: one statement each for everything).
    func addRows(to batch: inout PostgresBatch, eta: ETAModel) {
        if !teams.isEmpty { batch.add(TeamSQL.upsert, [TeamSQL.recordset(teams)]) }
        if !dispatches.isEmpty { batch.add(DispatchSQL.upsert, [DispatchSQL.recordset(dispatches, eta: eta)]) }
    }

    /// One stream change per dispatch and per team in its final state.
    var changes: [Change] {
        dispatches.map { Change(kind: .dispatch, body: $0.json) } + teams.map { Change(kind: .team, body: $0.json) }
    }

    /// Adds the writes to a batch of their own and commits with it, in one round trip.
    func commit(in tx: PostgresTransaction, eta: ETAModel) async throws {
        var batch = PostgresBatch()
        add(to: &batch, eta: eta)
        _ = try await tx.executeAndCommit(batch)
    }
}
