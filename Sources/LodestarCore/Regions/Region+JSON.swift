public import JSON

extension Region {
    /// The region as the API shows it.
    public var json: JSONValue {
        [
            "code": .string(code), "name": .string(name), "type": .string(type.rawValue),
            "timezone": .string(timeZone), "response_target_minutes": .int(Int64(responseTargetMinutes)),
        ]
    }
}
