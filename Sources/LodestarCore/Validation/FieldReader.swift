public import Time
public import JSON

/// Reads typed fields out of JSON objects, recording every problem with its path instead of
/// stopping at the first, so a client learns all that is wrong with a body in one round trip.
///
/// `null` counts as absent everywhere: clients commonly serialise an unset optional as `null`.
/// Readers return `nil` both for an absent optional and for an invalid value; callers decide
/// by comparing `issues.count` before and after.
public struct FieldReader: Sendable {
    public private(set) var issues: [ValidationIssue] = []
    /// Reporting stops after this many issues, bounding the response to a hostile body.
    public let maxIssues: Int
    private var truncated = false
    /// Reads what it can and records nothing: for events that were valid when they were
    /// accepted, which a rule added since must not make unreadable (`StoredEvent`).
    public let isLenient: Bool
    /// The latest instant a timestamp member may name (`nil`: no upper bound). Every
    /// timestamp must also be at or after 1970-01-01T00:00:00Z (SPEC §3).
    public var latestAcceptedTime: Timestamp?

    public init(maxIssues: Int = 100) {
        self.maxIssues = maxIssues
        self.isLenient = false
    }

    /// A reader that never reports: invalid optional members read as absent.
    public static var lenient: FieldReader { FieldReader(lenient: ()) }

    private init(lenient: Void) {
        maxIssues = 0
        isLenient = true
    }

    /// Records a problem.
    public mutating func report(_ path: JSONPath, _ message: String) {
        if isLenient { return }
        if issues.count < maxIssues {
            issues.append(ValidationIssue(path, message))
        } else if !truncated {
            truncated = true
            issues.append(ValidationIssue(.root, "too many problems; only the first \(maxIssues) are listed"))
        }
    }

    /// The member's value, treating `null` as absent; reports a missing required member.
    public mutating func value(_ object: JSONObject, _ key: String, at path: JSONPath, required: Bool) -> JSONValue? {
        switch object[key] {
        case nil, .null?:
            if required { report(path.member(key), "is required") }
            return nil
        case let value?:
            return value
        }
    }

    /// The value as an object, or reports that it must be one.
    public mutating func object(_ value: JSONValue, at path: JSONPath) -> JSONObject? {
        guard case .object(let object) = value else {
            report(path, "must be an object")
            return nil
        }
        return object
    }

    /// Reports every member whose name is not in `allowed`.
    public mutating func rejectUnknownMembers(of object: JSONObject, allowed: Set<String>, at path: JSONPath) {
        for (key, _) in object where !allowed.contains(key) {
            report(path.member(key), "is not a known field")
        }
    }

    /// A member converted by `convert`; when that fails, `rule` is reported at the member.
    public mutating func member<T>(_ object: JSONObject, _ key: String, at path: JSONPath, required: Bool,
                                   rule: String, _ convert: (JSONValue) -> T?) -> T? {
        guard let value = value(object, key, at: path, required: required) else { return nil }
        guard let converted = convert(value) else {
            report(path.member(key), rule)
            return nil
        }
        return converted
    }

    /// A boolean member.
    public mutating func bool(_ object: JSONObject, _ key: String, at path: JSONPath, required: Bool = false) -> Bool? {
        member(object, key, at: path, required: required, rule: "must be true or false") { $0.boolValue }
    }

    /// An integer member within `range`; a number with a fraction is rejected.
    public mutating func integer(_ object: JSONObject, _ key: String, at path: JSONPath, in range: ClosedRange<Int64>,
                                 required: Bool = false) -> Int64? {
        let rule = "must be an integer from \(range.lowerBound) to \(range.upperBound)"
        return member(object, key, at: path, required: required, rule: rule) { value in
            value.intValue.flatMap { range.contains($0) ? $0 : nil }
        }
    }

    /// A numeric member within `range`.
    public mutating func number(_ object: JSONObject, _ key: String, at path: JSONPath, in range: ClosedRange<Double>,
                                required: Bool = false) -> Double? {
        let rule = "must be a number from \(Self.plain(range.lowerBound)) to \(Self.plain(range.upperBound))"
        return member(object, key, at: path, required: required, rule: rule) { value in
            value.doubleValue.flatMap { range.contains($0) ? $0 : nil }
        }
    }

    private static func plain(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }

    /// A member whose value must be one of a vocabulary's strings.
    public mutating func choice<V: Vocabulary>(_ object: JSONObject, _ key: String, at path: JSONPath,
                                               required: Bool = false, as type: V.Type = V.self) -> V? {
        guard let value = value(object, key, at: path, required: required) else { return nil }
        return choice(value, at: path.member(key))
    }

    /// A value that must be one of a vocabulary's strings. The path is built only for a report.
    public mutating func choice<V: Vocabulary>(_ value: JSONValue, at path: @autoclosure () -> JSONPath, as type: V.Type = V.self) -> V? {
        guard case .string(let text) = value, let choice = V(rawValue: text) else {
            report(path(), "must be one of: \(V.choicesText)")
            return nil
        }
        return choice
    }
}
