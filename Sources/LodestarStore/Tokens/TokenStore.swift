import JSON
public import LodestarCore
public import Loop
import Postgres

/// API tokens (SPEC §8): created with a random secret that is printed once; only its SHA-256
/// hash is stored, computed by PostgreSQL so that the secret is never kept by Lodestar either.
@LoopActor
public final class TokenStore {
    let pool: PostgresPool
    /// Where a revocation is announced to every process, with the token's name as payload.
    static let revokedChannel = "lodestar_token_revoked"

    init(pool: PostgresPool) { self.pool = pool }

    /// Creates a live token named `name`, which may also post for `sources`; fails if a live
    /// token already has that name.
    public func create(name: String, role: Role, sources: [String] = []) async throws -> String {
        let token = Self.newSecret()
        do {
            try await pool.transaction { tx in
                _ = try await tx.query(
                    "INSERT INTO api_tokens (name, role, token_hash, sources) VALUES ($1, $2, sha256(convert_to($3, 'UTF8')), $4::text[])",
                    [name, role.rawValue, token, sources])
                _ = try await tx.query(AuditEntry.insertSQL, [AuditEntry.recordset([
                    AuditEntry(actor: "cli", action: "token.create", resource: "token/\(name)", detail: [
                        "role": .string(role.rawValue), "sources": .array(sources.map(JSONValue.string)),
                    ]),
                ])])
            }
        } catch let error as PostgresError where error.isUniqueViolation {
            throw TokenNameTaken(name: name)
        }
        return token
    }

    /// Revokes the live token named `name`; false if there is none. Every serving process is
    /// told as the revocation commits, so that none keeps answering the token from its cache.
    public func revoke(name: String) async throws -> Bool {
        try await pool.transaction { tx in
            let rows = try await tx.query(
                "UPDATE api_tokens SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL RETURNING id", [name])
            guard !rows.isEmpty else { return false }
            var batch = PostgresBatch()
            batch.add(AuditEntry.insertSQL, [AuditEntry.recordset([
                AuditEntry(actor: "cli", action: "token.revoke", resource: "token/\(name)"),
            ])])
            batch.add("SELECT pg_notify($1, $2)", [Self.revokedChannel, name])
            try await tx.execute(batch).check()
            return true
        }
    }

    /// Revocations as they commit in any process, heard on this process's listening
    /// connection; returns once the server listens.
    public func revocations() async throws -> some AsyncSequence<TokenRevocation, Never> {
        try await pool.notifications(channel: Self.revokedChannel).map(TokenRevocation.init)
    }

    /// The live token's name and role, or nil for an unknown or revoked token.
    public func principal(for token: String) async throws -> Principal? {
        let rows = try await pool.query(
            "SELECT name, role, sources FROM api_tokens WHERE token_hash = sha256(convert_to($1, 'UTF8')) AND revoked_at IS NULL",
            [token])
        guard let row = rows.first, let name = row[0].string, let role = row[1].string.flatMap(Role.init(rawValue:)) else { return nil }
        let sources = try row[2].decode([String].self)
        return Principal(name: name, role: role, grantedSources: Set(sources))
    }

    /// 32 random bytes, hex-encoded behind a recognisable prefix. The system generator is
    /// cryptographically secure on Linux (it reads the kernel's getrandom).
    static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return "lsk_" + bytes.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

/// `token create` with a name a live token already has.
public struct TokenNameTaken: Error, CustomStringConvertible {
    public var name: String
    public var description: String { "a live token named \(name) already exists; revoke it first" }
}
