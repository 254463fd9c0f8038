public import JSON

extension RoutingFacts {
    /// The facts as a simulated contact is written (`read(simulated:at:reader:)` reads it back
    /// to the same facts): what a decision stores, so that a replay re-decides a contact "with
    /// the facts it had then" (SPEC §5) whatever arrived for it since.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [("contact_id", .string(contactID))]
        func add(_ fact: RoutingFact, _ value: JSONValue?) {
            if let value { members.append((fact.rawValue, value)) }
        }
        add(.channel, channel.map { .string($0.rawValue) })
        add(.line, line.map(JSONValue.string))
        add(.region, region.map(JSONValue.string))
        add(.regionType, regionType.map { .string($0.rawValue) })
        add(.language, language.map(JSONValue.string))
        add(.age, age.map { .int(Int64($0)) })
        add(.riskLevel, riskLevel.map { .string($0.rawValue) })
        if !flags.isEmpty { add(.flags, .array(flags.map { .string($0.rawValue) })) }
        add(.consentFollowUp, consentFollowUp.map(JSONValue.bool))
        add(.hourOfDay, hourOfDay.map { .int(Int64($0)) })
        add(.dayOfWeek, dayOfWeek.map { .int(Int64($0)) })
        return .object(JSONObject(members))
    }
}
