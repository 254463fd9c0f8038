import LodestarCore
import Testing
import Time

@Suite struct ISODurationTests {
    @Test(arguments: [
        ("PT24H", 86_400), ("PT4H", 14_400), ("P3D", 259_200), ("PT30M", 1800), ("P1DT12H", 129_600),
        ("PT90S", 90), ("PT0S", 0), ("P2W", 1_209_600), ("P1DT1H1M1S", 90_061), ("PT72H", 259_200),
    ] as [(String, Int64)])
    func parses(_ text: String, _ seconds: Int64) throws {
        #expect(try ISODuration(iso8601: text).seconds == seconds)
    }

    @Test(arguments: [
        ("P1Y", "years are not supported (their length varies); use days"),
        ("P2M", "months are not supported (their length varies); use days"),
        ("P1Y2D", "years are not supported (their length varies); use days"),
        ("", "must start with 'P', e.g. PT24H"),
        ("PT", "must have a component after 'T'"),
        ("P", "must have at least one component, e.g. PT24H"),
        ("pt24h", "must start with 'P', e.g. PT24H"),
        ("-P1D", "must start with 'P', e.g. PT24H"),
        ("P1H", "hours, minutes and seconds must follow 'T'"),
        ("PT1D", "unknown unit; use W, D, H, M or S"),
        ("PT1.5H", "fractional components are not supported"),
        ("PT1,5H", "fractional components are not supported"),
        ("PT30M1H", "components must be in the order W, D, T, H, M, S"),
        ("P1D1D", "components must be in the order W, D, T, H, M, S"),
        ("PTH", "expected a number before each unit"),
        ("PT24", "number without a unit"),
        ("P1DTT1H", "has more than one 'T'"),
        ("PT99999999999999999999S", "is too long"),
        ("P9999999999999999D", "is too long"),
        ("PT24H ", "expected a number before each unit"),
    ])
    func rejects(_ text: String, _ message: String) {
        #expect(throws: ISODuration.ParseError(message: message)) { try ISODuration(iso8601: text) }
    }

    @Test(arguments: [
        (0, "PT0S"), (90, "PT1M30S"), (14_400, "PT4H"), (86_400, "PT24H"), (129_600, "PT36H"),
        (259_200, "PT72H"), (1800, "PT30M"), (90_061, "PT25H1M1S"),
    ] as [(Int64, String)])
    func formats(_ seconds: Int64, _ text: String) throws {
        #expect(ISODuration(seconds: seconds).iso8601 == text)
        #expect(try ISODuration(iso8601: text).seconds == seconds)
    }

    @Test func addsToATimestamp() {
        let start = Timestamp(rfc3339: "2026-11-26T16:00:00Z")!
        #expect(start + ISODuration(seconds: 3600) == Timestamp(rfc3339: "2026-11-26T17:00:00Z")!)
    }
}
