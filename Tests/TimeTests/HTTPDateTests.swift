import Testing
import Time

@Suite struct HTTPDateTests {
    /// RFC 9110's own example, and days that test the weekday, month and leap-year arithmetic.
    @Test(arguments: [
        ("1994-11-06T08:49:37Z", "Sun, 06 Nov 1994 08:49:37 GMT"),
        ("1970-01-01T00:00:00Z", "Thu, 01 Jan 1970 00:00:00 GMT"),
        ("2024-02-29T23:59:59.999Z", "Thu, 29 Feb 2024 23:59:59 GMT"),
        ("2026-11-30T22:15:50Z", "Mon, 30 Nov 2026 22:15:50 GMT"),
    ])
    func imfFixdate(instant: String, expected: String) throws {
        #expect(try #require(Timestamp(rfc3339: instant)).httpDate == expected)
    }
}
