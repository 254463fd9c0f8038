public import JSON

/// The per-type schemas of an event's `data` (SPEC §3 table).
public enum EventDataValidation {
    static let receivedMembers: Set<String> = ["channel", "line", "region", "language", "caller", "location"]
    static let callerMembers: Set<String> = ["age", "gender", "race_ethnicity", "zip"]
    static let assessedMembers: Set<String> = ["risk_level", "flags", "consent_follow_up", "location", "region"]

    /// Validates `data` for an event of `type`; `nil` if it has problems (all reported).
    public static func validate(_ data: JSONObject, for type: ContactEventType, at path: JSONPath,
                                reader: inout FieldReader) -> EventData? {
        let issuesBefore = reader.issues.count
        let result: EventData?
        switch type {
        case .received:
            result = received(data, at: path, reader: &reader).map(EventData.received)
        case .answered:
            reader.rejectUnknownMembers(of: data, allowed: ["counselor_id"], at: path)
            result = .answered(counselorID: reader.text(data, "counselor_id", at: path))
        case .abandoned:
            reader.rejectUnknownMembers(of: data, allowed: [], at: path)
            result = .abandoned
        case .transferred:
            reader.rejectUnknownMembers(of: data, allowed: ["to"], at: path)
            result = reader.text(data, "to", at: path, required: true).map { EventData.transferred(to: $0) }
        case .assessed:
            result = assessment(data, at: path, reader: &reader).map(EventData.assessed)
        case .closed:
            reader.rejectUnknownMembers(of: data, allowed: ["disposition"], at: path)
            result = reader.choice(data, "disposition", at: path, required: true, as: Disposition.self).map(EventData.closed)
        }
        return reader.issues.count == issuesBefore ? result : nil
    }

    private static func received(_ data: JSONObject, at path: JSONPath, reader: inout FieldReader) -> EventData.Received? {
        reader.rejectUnknownMembers(of: data, allowed: receivedMembers, at: path)
        let channel = reader.choice(data, "channel", at: path, required: true, as: Channel.self)
        let line = reader.text(data, "line", at: path)
        let region = reader.text(data, "region", at: path)
        let language = reader.languageTag(data, "language", at: path)
        let caller = callerInfo(data, at: path, reader: &reader)
        let location = reader.geoPoint(data, "location", at: path)
        guard let channel else { return nil }
        return EventData.Received(channel: channel, line: line, region: region, language: language,
                                  caller: caller, location: location)
    }

    private static func callerInfo(_ data: JSONObject, at path: JSONPath, reader: inout FieldReader) -> CallerInfo? {
        guard let value = reader.value(data, "caller", at: path, required: false) else { return nil }
        let callerPath = path.member("caller")
        guard let caller = reader.object(value, at: callerPath) else { return nil }
        reader.rejectUnknownMembers(of: caller, allowed: callerMembers, at: callerPath)
        return CallerInfo(
            age: reader.integer(caller, "age", at: callerPath, in: 0...130).map { Int($0) },
            gender: reader.text(caller, "gender", at: callerPath),
            raceEthnicity: reader.text(caller, "race_ethnicity", at: callerPath),
            zip: reader.text(caller, "zip", at: callerPath, maxLength: 20))
    }

    private static func assessment(_ data: JSONObject, at path: JSONPath, reader: inout FieldReader) -> EventData.Assessment? {
        reader.rejectUnknownMembers(of: data, allowed: assessedMembers, at: path)
        let riskLevel = reader.choice(data, "risk_level", at: path, required: true, as: RiskLevel.self)
        let flags = self.flags(data, at: path, reader: &reader)
        let consent = reader.bool(data, "consent_follow_up", at: path)
        let location = reader.geoPoint(data, "location", at: path)
        let region = reader.text(data, "region", at: path)
        guard let riskLevel else { return nil }
        return EventData.Assessment(riskLevel: riskLevel, flags: flags, consentFollowUp: consent,
                                    location: location, region: region)
    }

    /// Flags as a set in canonical order: a repeated flag says nothing new, so it is not an error.
    static func flags(_ data: JSONObject, at path: JSONPath, reader: inout FieldReader) -> [ContactFlag]? {
        guard let value = reader.value(data, "flags", at: path, required: false) else { return nil }
        let flagsPath = path.member("flags")
        guard case .array(let items) = value else {
            reader.report(flagsPath, "must be an array of: \(ContactFlag.choicesText)")
            return nil
        }
        var flags = Set<ContactFlag>()
        for (index, item) in items.enumerated() {
            if let flag = reader.choice(item, at: flagsPath.element(index), as: ContactFlag.self) {
                flags.insert(flag)
            }
        }
        return flags.sorted()
    }
}
