import Loop
import Postgres
import Testing
import Time

@Suite struct TypeRoundTripTests {
    init() { EventLoop.startInBackground() }

    @Test @LoopActor func everyTypeRoundTripsThroughItsColumnType() async throws {
        let connection = try await TestDatabase.connect()
        defer { connection.close() }
        let instant = Timestamp(microseconds: 1_700_000_000_123_456)
        let rows = try await connection.query("""
            SELECT $1::text, $2::bigint, $3::int, $4::int8, $5::float8, $6::bool, $7::jsonb,
                   $8::timestamptz, $9::text[], $10::int[], $11::uuid, $12::text, $13::float8
            """, [
                "naïve \"quoted\" text", Int.max, Int32.min, Int64(-5), 0.1, true, PostgresJSONB(#"{"a": [1, 2]}"#),
                instant, ["a", "b,c", "{d}", "NULL", #"back\slash"#, ""], [1, -2, 3], "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                String?.none, Double.infinity,
            ])
        let row = rows[0]
        #expect(try row.decode(String.self, at: 0) == "naïve \"quoted\" text")
        #expect(try row.decode(Int.self, at: 1) == Int.max)
        #expect(try row.decode(Int32.self, at: 2) == Int32.min)
        #expect(try row.decode(Int64.self, at: 3) == -5)
        #expect(try row.decode(Double.self, at: 4) == 0.1)
        #expect(try row.decode(Bool.self, at: 5) == true)
        #expect(try row.decode(PostgresJSONB.self, at: 6).text == #"{"a": [1, 2]}"#)
        #expect(try row.decode(Timestamp.self, at: 7) == instant)
        #expect(try row.decode([String].self, at: 8) == ["a", "b,c", "{d}", "NULL", #"back\slash"#, ""])
        #expect(try row.decode([Int].self, at: 9) == [1, -2, 3])
        #expect(try row.decode(String.self, at: 10) == "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")
        #expect(try row.decode(String?.self, at: 11) == nil)
        #expect(row[11].isNull)
        #expect(try row.decode(Double.self, at: 12) == .infinity)
    }

    @Test @LoopActor func nullsDecodeOnlyIntoOptionals() async throws {
        let connection = try await TestDatabase.connect()
        defer { connection.close() }
        let row = try await connection.query("SELECT NULL::int AS n, ARRAY['x', NULL]::text[] AS a, '-infinity'::timestamptz AS t")[0]
        #expect(try row.decode(Int?.self, column: "n") == nil)
        let error = #expect(throws: PostgresError.self) { try row.decode(Int.self, column: "n") }
        #expect(error?.kind == .decoding)
        #expect(try row.decode([String?].self, column: "a") == ["x", nil])
        #expect(throws: PostgresError.self) { try row.decode([String].self, column: "a") }
        #expect(try row.decode(Timestamp.self, column: "t").microseconds == .min)
        #expect(throws: PostgresError.self) { try row.decode(Int.self, column: "missing") }
    }

    @Test @LoopActor func accessorsReadNullMissingAndInvalidAsNil() async throws {
        let connection = try await TestDatabase.connect()
        defer { connection.close() }
        let row = try await connection.query("SELECT NULL::timestamptz AS t, NULL::text AS s, 'x' AS x, 5::bigint AS n, 't'::bool AS b")[0]
        #expect(row["t"].isNull && row["s"].isNull && row["missing"].isNull && !row["x"].isNull)
        #expect(row["t"].timestamp == nil && row["s"].string == nil && row["t"].double == nil && row["s"].bool == nil)
        #expect(row["missing"].string == nil && row["x"].int == nil && row["x"].timestamp == nil)
        #expect(row["n"].int64 == 5 && row["n"].int == 5 && row["n"].double == 5 && row["b"].bool == true && row["x"].string == "x")
        let invalid = #expect(throws: PostgresError.self) { try row.decode(Int.self, column: "x") }
        #expect(invalid?.message.contains("not a valid Int") == true)
    }

    @Test @LoopActor func timestampsParseTheServersOutput() async throws {
        let connection = try await TestDatabase.connect()
        defer { connection.close() }
        let rows = try await connection.query("""
            SELECT '1969-12-31 23:59:59.5+00'::timestamptz, '2000-02-29 12:00:00+05:30'::timestamptz,
                   '1970-01-01 00:00:00'::timestamp, $1::timestamptz, $2::timestamptz
            """, [Timestamp(microseconds: 0), Timestamp.infinity])
        #expect(try rows[0].decode(Timestamp.self, at: 0).microseconds == -500_000)
        #expect(try rows[0].decode(Timestamp.self, at: 1).microseconds == 951_805_800_000_000)
        #expect(try rows[0].decode(Timestamp.self, at: 2).microseconds == 0)
        #expect(rows[0][3].text == "1970-01-01 00:00:00+00")
        #expect(rows[0][4].text == "infinity")
        #expect(try rows[0].decode(Timestamp.self, at: 4) == .infinity)
    }

    @Test @LoopActor func affectedRowsComesFromTheCommandTag() async throws {
        let connection = try await TestDatabase.connect()
        defer { connection.close() }
        let table = TestDatabase.uniqueName("affected")
        try await connection.query("CREATE TEMP TABLE \(table) (n int)")
        let inserted = try await connection.query("INSERT INTO \(table) SELECT * FROM unnest($1::int[])", [[1, 2, 3]])
        #expect(inserted.affectedRows == 3)
        #expect(inserted.isEmpty)
    }
}
