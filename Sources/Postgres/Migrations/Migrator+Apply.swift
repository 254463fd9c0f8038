import Loop

extension Migrator {
    /// Applies what is pending on `connection` under the advisory lock.
    @LoopActor
    public func migrate(on connection: PostgresConnection) async throws -> [Migration] {
        try await connection.query("SELECT pg_advisory_lock($1::bigint)", [lockKey])
        do {
            let applied = try await applyPending(on: connection)
            try await connection.query("SELECT pg_advisory_unlock($1::bigint)", [lockKey])
            return applied
        } catch {
            // A broken connection has released the lock with its session.
            if !connection.isClosed { _ = try? await connection.query("SELECT pg_advisory_unlock($1::bigint)", [lockKey]) }
            throw error
        }
    }

    @LoopActor
    private func applyPending(on connection: PostgresConnection) async throws -> [Migration] {
        try await connection.runScript("""
            CREATE TABLE IF NOT EXISTS \(table) (
                version    integer     PRIMARY KEY,
                name       text        NOT NULL,
                checksum   text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
        let checksums = try await self.checksums(on: connection)
        let history = try await connection.query("SELECT version, name, checksum FROM \(table) ORDER BY version")
        var appliedVersions = Set<Int>()
        for row in history {
            let version = try row.decode(Int.self, at: 0)
            guard version >= 1 && version <= migrations.count else {
                throw MigrationError("the database has migration \(version) (\(try row.decode(String.self, at: 1))), which this build does not know")
            }
            if try row.decode(String.self, at: 2) != checksums[version - 1] {
                throw MigrationError("migration \(version) (\(migrations[version - 1].name)) changed after it was applied; add a new migration instead")
            }
            appliedVersions.insert(version)
        }
        var applied: [Migration] = []
        for migration in migrations where !appliedVersions.contains(migration.version) {
            try await apply(migration, checksum: checksums[migration.version - 1], on: connection)
            applied.append(migration)
        }
        return applied
    }

    /// SHA-256 of each script, computed by the server in one round trip.
    @LoopActor
    private func checksums(on connection: PostgresConnection) async throws -> [String] {
        var batch = PostgresBatch()
        for migration in migrations { batch.add("SELECT encode(sha256(convert_to($1, 'UTF8')), 'hex')", [migration.sql]) }
        let results = try await connection.execute(batch)
        return try results.outcomes.map { outcome in try outcome.get()[0].decode(String.self, at: 0) }
    }

    /// The script and its history row commit together, or neither does.
    @LoopActor
    private func apply(_ migration: Migration, checksum: String, on connection: PostgresConnection) async throws {
        try await connection.query("BEGIN")
        do {
            try await connection.runScript(migration.sql)
            try await connection.query(
                "INSERT INTO \(table) (version, name, checksum) VALUES ($1, $2, $3)",
                [migration.version, migration.name, checksum])
            try await connection.query("COMMIT")
        } catch {
            if !connection.isClosed { _ = try? await connection.query("ROLLBACK") }
            throw MigrationError("migration \(migration.version) (\(migration.name)) failed", underlying: error)
        }
    }
}
