import LodestarCore
import Postgres

extension DispatchPlanner {
    /// The team a new request for `dispatch` would be given now (the same search and the same
    /// ranking as `plan`): the best available team having every capability it requires,
    /// covering its contact's region, within its ETA limit, nearest to the contact or, when the
    /// place is unknown, available longest. Nil when no team fits. The caller holds
    /// `DispatchLock` to its commit, so the team cannot be taken by anyone else meanwhile.
    func bestTeam(for dispatch: Dispatch, contact: ContactFacts, in tx: PostgresTransaction) async throws -> Team? {
        var batch = PostgresBatch()
        // The nearest team has the shortest ETA: if it is beyond the limit, so is every other.
        let candidates = Self.addCandidateQuery(requires: dispatch.requires, contact: contact, limit: 1, to: &batch)
        let results = try await tx.execute(batch)
        try results.check()
        return try results.rows(candidates).map { try TeamSQL.team($0) }
            .first { fits($0, place: contact.location, maxETA: dispatch.maxETAMinutes) }
    }
}
