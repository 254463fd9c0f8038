import JSON
public import LodestarCore
public import Loop
import Postgres

/// Regions (SPEC §4): described by admins, read by routing, the board and reports through
/// `profile(of:)`, which gives every code a profile (a region never described counts as urban
/// in UTC).
@LoopActor
public final class RegionStore {
    let pool: PostgresPool

    init(pool: PostgresPool) { self.pool = pool }

    /// Stores the region, replacing what was said of it before; true when it is new. Audited
    /// in the same transaction.
    public func put(_ region: Region, by actor: String) async throws -> Bool {
        try await pool.transaction { tx in
            var batch = PostgresBatch()
            let upsert = batch.add(RegionSQL.upsert, RegionSQL.parameters(region))
            batch.add(AuditEntry.insertSQL, [AuditEntry.recordset([
                AuditEntry(actor: actor, action: "region.put", resource: "region/\(region.code)",
                           detail: ["type": .string(region.type.rawValue), "response_target_minutes": .int(Int64(region.responseTargetMinutes))]),
            ])])
            let results = try await tx.execute(batch)
            try results.check()
            return try results.rows(upsert).first?["inserted"].bool ?? false
        }
    }

    /// The described region, nil for one never described.
    public func region(_ code: String) async throws -> Region? {
        try await pool.query(RegionSQL.one, [code]).first.map(RegionSQL.region)
    }

    /// Every described region by code, at most `limit`.
    public func regions(limit: Int) async throws -> [Region] {
        try await pool.query(RegionSQL.all, [limit]).map(RegionSQL.region)
    }

    /// The profile of region `code`: described, or the default of an urban region in UTC (also
    /// for a contact that names no region, `nil`).
    public func profile(of code: String?) async throws -> RegionProfile {
        guard let code else { return .undescribed }
        return try await profiles(of: [code])[code] ?? .undescribed
    }

    /// The profiles of several regions at once, every code present in the answer.
    public func profiles(of codes: [String]) async throws -> [String: RegionProfile] {
        try RegionSQL.profiles(try await pool.query(RegionSQL.profiles, [codes]), codes: codes)
    }
}
