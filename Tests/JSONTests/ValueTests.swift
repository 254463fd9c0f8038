import JSON
import Testing

@Suite struct ValueTests {
    @Test func accessors() {
        let value: JSONValue = ["s": "x", "i": 3, "d": 2.5, "b": true, "a": [1], "o": ["k": .null]]
        #expect(value["s"]?.stringValue == "x")
        #expect(value["i"]?.intValue == 3)
        #expect(value["i"]?.doubleValue == 3)
        #expect(value["d"]?.doubleValue == 2.5)
        #expect(value["d"]?.intValue == nil)
        #expect(value["b"]?.boolValue == true)
        #expect(value["a"]?.arrayValue == [1])
        #expect(value["o"]?.objectValue?["k"]?.isNull == true)
        #expect(value["missing"] == nil)
        #expect(value["a"]?[5] == nil)
        #expect(value["s"]?.kindName == "string")
    }

    @Test func objectEqualityIgnoresOrder() {
        let one: JSONValue = ["a": 1, "b": 2]
        let other: JSONValue = ["b": 2, "a": 1]
        #expect(one == other)
        #expect(one != ["a": 1, "b": 3])
        #expect(one != ["a": 1])
        // JSON has one number type: equal values are equal however they are held.
        #expect(JSONValue.int(1) == .double(1))
        #expect(JSONValue.double(-93) == .int(-93))
        #expect(JSONValue.int(1) != .double(1.5))
        #expect(JSONValue.int(.max) != .double(9_223_372_036_854_775_808)) // 2^63: just beyond Int64
    }

    @Test func objectEditing() {
        var object: JSONObject = ["a": 1, "b": 2]
        object["a"] = 10
        object["c"] = 3
        object.set("b", 20)
        #expect(object.keys == ["a", "b", "c"])
        object["b"] = nil
        #expect(object.keys == ["a", "c"])
        #expect(object.contains("c"))
        #expect(!object.contains("b"))
        let replaced = JSONObject([("k", 1), ("k", 2)])
        #expect(replaced.count == 1 && replaced["k"] == 2)
        #expect(Array(object.map(\.key)) == ["a", "c"])
    }
}
