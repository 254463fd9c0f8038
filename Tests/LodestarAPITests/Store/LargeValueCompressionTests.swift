import LodestarStore
import Loop
import Postgres
import Testing

/// Migration 018: the large JSON documents written on hot paths (a board page's audit detail,
/// a contact's fold, an event's body, a change's body) compress with lz4, which costs a
/// fraction of pglz's CPU; the Debian PostgreSQL the service runs on is built with it.
@Suite struct LargeValueCompressionTests {
    init() { EventLoop.startInBackground() }

    @Test @LoopActor func theLargeDocumentsAreStoredWithLZ4() async throws {
        let (database, test) = try await EventStoreTests.database()
        defer { database.close() }
        let pool = PostgresPool(configuration: .init(conninfo: test.connectionString, size: 1))
        defer { pool.close() }

        let columns = try await pool.query("""
            SELECT attrelid::regclass::text || '.' || attname, attcompression::text FROM pg_attribute
            WHERE (attrelid, attname) IN (('audit_log'::regclass, 'detail'), ('contacts'::regclass, 'fold'),
                                          ('contact_events'::regclass, 'body'), ('change_log'::regclass, 'body'))
            ORDER BY 1
            """)
        #expect(columns.map { "\($0[0].string ?? "")=\($0[1].string ?? "")" }
            == ["audit_log.detail=l", "change_log.body=l", "contact_events.body=l", "contacts.fold=l"])

        // A value written now is compressed with it (a repetitive 20 kB document compresses).
        let id = try await pool.query("""
            INSERT INTO audit_log (actor, action, resource, detail)
            VALUES ('test', 'compression.test', 'none', jsonb_build_object('padding', repeat('board ', 4000)))
            RETURNING id
            """)[0][0].int
        let stored = try await pool.query("SELECT pg_column_compression(detail) FROM audit_log WHERE id = $1", [id])
        #expect(stored.first?[0].string == "lz4")
    }
}
