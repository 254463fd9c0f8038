import Testing
import Time

@Suite struct TimestampTests {
    func parse(_ text: String) -> Int64? { Timestamp(rfc3339: text)?.microseconds }

    @Test func parsesOffsetsAndFractions() {
        #expect(parse("1970-01-01T00:00:00Z") == 0)
        #expect(parse("2026-11-26T16:43:04.120Z") == 1_795_711_384_120_000)
        #expect(parse("2026-11-26T10:43:04.12-06:00") == 1_795_711_384_120_000)
        #expect(parse("2026-11-27T01:13:04.120+08:30") == 1_795_711_384_120_000)
        #expect(parse("2026-11-26t16:43:04.120z") == 1_795_711_384_120_000)
        #expect(parse("1970-01-01T00:00:00.1234567899Z") == 123_456)
        #expect(parse("1970-01-01T00:00:00.000001Z") == 1)
        #expect(parse("1969-12-31T23:59:59.5Z") == -500_000)
        #expect(parse("2000-02-29T00:00:00Z") == 951_782_400_000_000)
        #expect(parse("0000-01-01T00:00:00Z") == -62_167_219_200_000_000)
        #expect(parse("9999-12-31T23:59:59.999999Z") == 253_402_300_799_999_999)
    }

    @Test(arguments: [
        "", "2026-11-26", "2026-11-26T16:43:04", "2026-11-26T16:43:04.120", "2026-11-26 16:43:04Z",
        "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z", "2026-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
        "2026-02-30T00:00:00Z", "2026-04-31T00:00:00Z", "2026-01-00T00:00:00Z", "2026-01-32T00:00:00Z",
        "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z", "2026-12-31T23:59:60Z", "2026-01-01T00:00:00.Z",
        "2026-01-01T00:00:00+0100", "2026-01-01T00:00:00+01", "2026-01-01T00:00:00+24:00",
        "2026-01-01T00:00:00+01:60", "2026-01-01T00:00:00Z ", " 2026-01-01T00:00:00Z", "26-01-01T00:00:00Z",
        "2026-1-01T00:00:00Z", "2026-01-01T0:00:00Z", "+2026-01-01T00:00:00Z", "2026-01-01T00:00:00UTC",
        "2026-01-01T00:00:00Zx", "2026-01-01T00:00:00.12a4Z", "２０２６-01-01T00:00:00Z",
    ])
    func rejects(_ text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test func formatsMillisecondsOrMicroseconds() {
        #expect(Timestamp(microseconds: 1_795_711_384_120_000).rfc3339 == "2026-11-26T16:43:04.120Z")
        #expect(Timestamp(microseconds: 1_795_711_384_120_001).rfc3339 == "2026-11-26T16:43:04.120001Z")
        #expect(Timestamp(microseconds: 0).rfc3339 == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp(microseconds: -1).rfc3339 == "1969-12-31T23:59:59.999999Z")
        #expect(Timestamp(microseconds: -500_000).rfc3339 == "1969-12-31T23:59:59.500Z")
    }

    @Test func formatParsesBack() {
        var state: UInt64 = 42
        for _ in 0..<2000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let micros = Int64(bitPattern: state >> 1) % 253_402_300_799_999_999
            let timestamp = Timestamp(microseconds: micros)
            #expect(Timestamp(rfc3339: timestamp.rfc3339) == timestamp)
        }
    }

    @Test func arithmetic() {
        let start = Timestamp(rfc3339: "2026-11-26T16:00:00Z")!
        #expect(start.adding(seconds: -60).rfc3339 == "2026-11-26T15:59:00.000Z")
        #expect(start.adding(seconds: 90).seconds(since: start) == 90)
        #expect(Timestamp(microseconds: -1).secondsSinceEpoch == -1)
        #expect(Timestamp(microseconds: 1) > Timestamp(microseconds: 0))
    }
}
