public import JSON

extension Region {
    static let members: Set<String> = ["name", "type", "timezone", "response_target_minutes"]
    /// The longest response target accepted: a week.
    public static let maxResponseTargetMinutes: Int64 = 10_080

    /// The region described by a `PUT /v1/regions/{code}` body; the target defaults to the
    /// type's. Whether the system's tz database knows the time-zone name is asked of
    /// `zoneProblem` (the core reads no files), which answers why a name is refused, or nil;
    /// its answer is reported with the body's other problems, so a client learns them all at once.
    public static func validate(body: JSONValue, code: String,
                                zoneProblem: (String) -> String? = { _ in nil }) throws(ValidationFailure) -> Region {
        var reader = FieldReader()
        guard let object = reader.object(body, at: .root) else { throw ValidationFailure(issues: reader.issues) }
        reader.rejectUnknownMembers(of: object, allowed: members, at: .root)
        let name = reader.text(object, "name", at: .root, required: true)
        let type = reader.choice(object, "type", at: .root, required: true, as: RegionType.self)
        let timeZone = reader.text(object, "timezone", at: .root, required: true, maxLength: 128)
        if let timeZone, let problem = zoneProblem(timeZone) { reader.report(JSONPath.root.member("timezone"), problem) }
        let target = reader.integer(object, "response_target_minutes", at: .root, in: 1...maxResponseTargetMinutes)
        guard reader.issues.isEmpty, let name, let type, let timeZone else { throw ValidationFailure(issues: reader.issues) }
        return Region(code: code, name: name, type: type, timeZone: timeZone,
                      responseTargetMinutes: target.map { Int($0) } ?? type.defaultResponseTargetMinutes)
    }
}
