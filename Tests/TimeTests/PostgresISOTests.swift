import Testing
import Time

/// The text forms a PostgreSQL server writes for `timestamptz` with `DateStyle=ISO`.
@Suite struct PostgresISOTests {
    func parse(_ text: String) -> Int64? { Timestamp(postgresISO: text)?.microseconds }

    @Test func readsTheServersOutput() {
        #expect(parse("2026-03-08 08:00:00+00") == 1_772_956_800_000_000)
        #expect(parse("2026-03-08 02:00:00-06") == 1_772_956_800_000_000)
        #expect(parse("2026-03-08 13:30:00+05:30") == 1_772_956_800_000_000)
        #expect(parse("2026-03-08 07:29:45-00:30:15") == 1_772_956_800_000_000)
        #expect(parse("2026-03-08T08:00:00Z") == 1_772_956_800_000_000)
        #expect(parse("2026-03-08 08:00:00") == 1_772_956_800_000_000)
        #expect(parse("1969-12-31 23:59:59.5+00") == -500_000)
        #expect(parse("2000-02-29 12:00:00.123456+05:30") == 951_805_800_123_456)
        #expect(parse("2024-01-02 03:04:05.1+01") == parse("2024-01-02T02:04:05.100Z"))
        #expect(parse("10000-01-01 00:00:00+00") == 253_402_300_800_000_000)
        #expect(Timestamp(postgresISO: "infinity") == .infinity)
        #expect(Timestamp(postgresISO: "-infinity") == .negativeInfinity)
    }

    @Test(arguments: [
        "", "2024-13-02 03:04:05", "2024-02-30 03:04:05+00", "2024-01-02 03:04:05 BC", "2024-01-02",
        "2024-01-02 03:04:05+1", "2024-01-02 03:04:05+01:", "2024-01-02 03:04:05+0100", "2024-01-02 24:00:00+00",
        "2024-01-02 03:04:05.+00", "2024-01-02  03:04:05+00", "Infinity", "294277-01-01 00:00:00+00",
        "2024-01-02 03:04:05+00 ", "2024-01-02 03:04:60+00",
    ])
    func rejects(_ text: String) {
        #expect(Timestamp(postgresISO: text) == nil)
    }

    @Test func readsWhatRFC3339Writes() {
        for micros: Int64 in [0, -1, 951_782_400_000_000, 1_795_711_384_120_001, 253_402_300_799_999_999] {
            let instant = Timestamp(microseconds: micros)
            #expect(Timestamp(postgresISO: instant.rfc3339) == instant)
        }
    }
}
