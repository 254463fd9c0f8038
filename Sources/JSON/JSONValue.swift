/// A parsed or constructed JSON document.
///
/// Numbers keep the distinction the wire format makes: a number written without a fraction or
/// an exponent that fits `Int64` is `.int`, every other number is `.double`. Equality is
/// structural (`.int(1) != .double(1)`), except that object equality ignores key order.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}
