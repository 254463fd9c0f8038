@testable import LodestarCore
import Testing

/// Contact ids and event keys sort by their UTF-8 bytes (PostgreSQL's "C" collation), which
/// is not Swift's `String <` once text leaves ASCII.
@Suite struct ByteOrderTests {
    @Test(arguments: [
        ("a", "b", true), ("b", "a", false), ("a", "a", false),
        ("", "a", true), ("a", "", false), ("", "", false),
        ("ab", "abc", true), ("abc", "ab", false),
        ("Z", "a", true),                 // upper case bytes come first
        ("z", "é", true), ("é", "z", false), // é is 0xC3 0xA9, after every ASCII byte
        ("e\u{301}", "é", true),          // decomposed and precomposed differ in bytes
        ("ct-10", "ct-9", true),
    ])
    func stringsSortByTheirBytes(left: String, right: String, precedes: Bool) {
        #expect(left.precedesInByteOrder(right) == precedes)
        #expect(left.precedesInByteOrder(right) == left.utf8.lexicographicallyPrecedes(right.utf8))
    }

    @Test func bridgedAndSubstringBackedStringsCompareAlike() {
        let long = String(repeating: "x", count: 40)
        let slice = String(("-" + long + "y").dropFirst())
        #expect((long + "a").precedesInByteOrder(slice))
        #expect(!slice.precedesInByteOrder(long + "a"))
    }
}
