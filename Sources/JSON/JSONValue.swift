/// A parsed or constructed JSON document.
///
/// JSON has one number type; two cases hold it so integers keep their exact value: a parsed
/// number is `.int` when it is a whole number that fits `Int64` (written as such, or with a
/// fraction or exponent and at most 2^53), `.double` otherwise. Equality is structural, except
/// that numbers compare by value (`.int(1) == .double(1)`) and object equality ignores key order.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.double(let a), .double(let b)): a == b
        case (.int(let integer), .double(let double)), (.double(let double), .int(let integer)):
            Int64(exactly: double) == integer
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a == b
        default: false
        }
    }
}
