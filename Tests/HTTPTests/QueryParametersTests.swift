import HTTP
import Testing

/// Query strings decode into ordered pairs that keep repeats, so a route can refuse them.
@Suite struct QueryParametersTests {
    static func query(_ text: String) -> QueryParameters {
        Request.make("/q?\(text)").query
    }

    @Test func pairsAreDecodedInOrderWithRepeats() {
        let query = Self.query("from=a&to=b%20c&from=d+e&flag&=x")
        #expect(query.fields == [
            .init(name: "from", value: "a"), .init(name: "to", value: "b c"), .init(name: "from", value: "d e"),
            .init(name: "flag", value: ""), .init(name: "", value: "x"),
        ])
        #expect(query.values("from") == ["a", "d e"])
        #expect(query.values("absent") == [])
        #expect(query.names == ["from", "to", "flag", ""])
    }

    @Test func anUnescapedPlusIsASpaceAndAnEscapedOneIsAPlus() {
        #expect(Self.query("from=2026-11-26T16:43:04+00:00").values("from") == ["2026-11-26T16:43:04 00:00"])
        #expect(Self.query("from=2026-11-26T16:43:04%2B00:00").values("from") == ["2026-11-26T16:43:04+00:00"])
    }

    @Test func whatDoesNotDecodeIsMarked() {
        let query = Self.query("a=%FF&%C3=1&b=2")
        #expect(query.values("a") == [nil])
        #expect(query.values("b") == ["2"])
        #expect(query.hasUndecodableName)
        #expect(!Self.query("a=1").hasUndecodableName)
    }

    @Test func noQueryHasNoFields() {
        #expect(Request.make("/q").query.fields.isEmpty)
    }
}
