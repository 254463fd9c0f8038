public import JSON

extension RoutingFacts {
    /// The members a simulated contact may have: the fact names, and `contact_id`.
    static let simulationMembers = Set(RoutingFact.allCases.map { $0.rawValue } + ["contact_id"])

    /// Reads the `contact` of `POST /v1/routing/simulate`: an object keyed by fact name, e.g.
    /// `{"risk_level": "high", "age": 15, "flags": ["youth"], "hour_of_day": 3}`, each value
    /// validated as an event would state it (`null` counts as absent), plus an optional
    /// `contact_id` that places the contact in experiment arms as a real one would be.
    ///
    /// Absent facts are lacking, except those a stored contact always has: `language` is `en`
    /// and `consent_follow_up` is `true`; an absent `region_type` is left for the caller to
    /// derive from the region, as routing does (`derivingRegionType(from:)`), so a simulation
    /// decides as ingest would. Problems are reported to `reader`; the result is `nil` when
    /// there were any.
    public static func read(simulated value: JSONValue, at path: JSONPath, reader: inout FieldReader) -> RoutingFacts? {
        let issuesBefore = reader.issues.count
        guard let object = reader.object(value, at: path) else { return nil }
        reader.rejectUnknownMembers(of: object, allowed: simulationMembers, at: path)
        var facts = RoutingFacts(contactID: reader.text(object, "contact_id", at: path) ?? "")
        facts.channel = reader.choice(object, "channel", at: path)
        facts.line = reader.text(object, "line", at: path)
        facts.region = reader.text(object, "region", at: path)
        facts.regionType = reader.choice(object, "region_type", at: path)
        facts.language = reader.languageTag(object, "language", at: path) ?? "en"
        facts.age = reader.integer(object, "age", at: path, in: 0...130).map { Int($0) }
        facts.riskLevel = reader.choice(object, "risk_level", at: path)
        facts.flags = EventDataValidation.flags(object, at: path, reader: &reader) ?? []
        facts.consentFollowUp = reader.bool(object, "consent_follow_up", at: path) ?? true
        facts.hourOfDay = reader.integer(object, "hour_of_day", at: path, in: 0...23).map { Int($0) }
        facts.dayOfWeek = reader.integer(object, "day_of_week", at: path, in: 1...7).map { Int($0) }
        return reader.issues.count == issuesBefore ? facts : nil
    }
}
