public import JSON
public import Loop
import Postgres
public import Time

/// Routing rulesets (SPEC §5): versions counting up from 1, exactly one active. Documents are
/// stored as posted (after validation), with the warnings found when they were posted.
@LoopActor
public final class RulesetStore {
    let pool: PostgresPool
    /// Serialises version numbering, so that versions count up without gaps or repeats across
    /// processes.
    private static let numberingLock: Int64 = 0x4c44_5354_5255_4c45

    init(pool: PostgresPool) { self.pool = pool }

    /// Stores `document` as the next version, inactive; audited.
    public func create(document: JSONValue, warnings: JSONValue, by actor: String) async throws -> StoredRuleset {
        try await pool.transaction { tx in
            _ = try await tx.query("SELECT pg_advisory_xact_lock($1)", [Self.numberingLock])
            let rows = try await tx.query("""
                INSERT INTO rulesets (version, document, warnings)
                SELECT coalesce(max(version), 0) + 1, $1::jsonb, $2::jsonb FROM rulesets
                RETURNING version, created_at
                """, [document.description, warnings.description])
            guard let version = rows.first?[0].int, let createdAt = rows.first?[1].timestamp else { throw RulesetStoreCorrupt() }
            _ = try await tx.query(AuditEntry.insertSQL, [AuditEntry.recordset([
                AuditEntry(actor: actor, action: "ruleset.create", resource: "ruleset/\(version)"),
            ])])
            return StoredRuleset(version: version, active: false, createdAt: createdAt, warnings: warnings, document: document)
        }
    }

    /// Makes `version` the one active ruleset; false when there is no such version. Deciding
    /// transactions read the active version themselves, so every process routes with it from
    /// the next decision on.
    public func activate(_ version: Int, by actor: String) async throws -> Bool {
        try await pool.transaction { tx in
            _ = try await tx.query("SELECT pg_advisory_xact_lock($1)", [Self.numberingLock])
            let exists = try await tx.query("SELECT 1 FROM rulesets WHERE version = $1", [version])
            guard !exists.isEmpty else { return false }
            _ = try await tx.query("UPDATE rulesets SET active = false WHERE active AND version <> $1", [version])
            _ = try await tx.query(
                "UPDATE rulesets SET active = true, activated_at = now() WHERE version = $1 AND NOT active", [version])
            _ = try await tx.query(AuditEntry.insertSQL, [AuditEntry.recordset([
                AuditEntry(actor: actor, action: "ruleset.activate", resource: "ruleset/\(version)"),
            ])])
            return true
        }
    }

    /// One version, or nil when unknown.
    public func ruleset(_ version: Int) async throws -> StoredRuleset? {
        try await pool.query(Self.selectSQL + " WHERE version = $1", [version]).first.flatMap(Self.stored)
    }

    /// The active version, or nil when none is.
    public func active() async throws -> StoredRuleset? {
        try await pool.query(Self.selectSQL + " WHERE active").first.flatMap(Self.stored)
    }

    /// Stores `document` as version 1, active, when no ruleset exists yet (a new install starts
    /// routing with it); does nothing otherwise. Safe when several processes start at once.
    public func installIfEmpty(document: JSONValue) async throws {
        try await pool.transaction { tx in
            _ = try await tx.query("SELECT pg_advisory_xact_lock($1)", [Self.numberingLock])
            let any = try await tx.query("SELECT 1 FROM rulesets LIMIT 1")
            guard any.isEmpty else { return }
            _ = try await tx.query(
                "INSERT INTO rulesets (version, document, warnings, active, activated_at) VALUES (1, $1::jsonb, '[]', true, now())",
                [document.description])
            _ = try await tx.query(AuditEntry.insertSQL, [AuditEntry.recordset([
                AuditEntry(actor: "system", action: "ruleset.install_default", resource: "ruleset/1"),
            ])])
        }
    }

    static let selectSQL = "SELECT version, active, created_at, warnings::text, document::text FROM rulesets"

    static func stored(_ row: PostgresRow) -> StoredRuleset? {
        guard let version = row[0].int, let active = row[1].bool, let createdAt = row[2].timestamp,
              let warnings = row[3].string.flatMap({ try? JSON.parse(Array($0.utf8)) }),
              let document = row[4].string.flatMap({ try? JSON.parse(Array($0.utf8)) })
        else { return nil }
        return StoredRuleset(version: version, active: active, createdAt: createdAt, warnings: warnings, document: document)
    }
}

/// A stored ruleset version as `GET /v1/rulesets/{version}` shows it.
public struct StoredRuleset: Sendable {
    public var version: Int
    public var active: Bool
    public var createdAt: Timestamp
    public var warnings: JSONValue
    public var document: JSONValue
}

/// A ruleset row that cannot be read back.
struct RulesetStoreCorrupt: Error {}
