import JSON

extension RulesetValidation {
    /// A value a rule compares `fact` with, in the vocabulary and range an event would state it in.
    static func factValue(_ value: JSONValue, for fact: RoutingFact, at path: JSONPath,
                          reader: inout FieldReader) -> FactValue? {
        switch fact {
        case .channel: return reader.choice(value, at: path, as: Channel.self).map(FactValue.channel)
        case .regionType: return reader.choice(value, at: path, as: RegionType.self).map(FactValue.regionType)
        case .riskLevel: return reader.choice(value, at: path, as: RiskLevel.self).map(FactValue.risk)
        case .flags: return reader.choice(value, at: path, as: ContactFlag.self).map(FactValue.flag)
        case .age: return number(value, in: 0...130, rule: "must be an integer from 0 to 130", at: path, reader: &reader)
        case .hourOfDay: return number(value, in: 0...23, rule: "must be an integer from 0 to 23", at: path, reader: &reader)
        case .dayOfWeek:
            return number(value, in: 1...7, rule: "must be an integer from 1 (Monday) to 7 (Sunday)", at: path, reader: &reader)
        case .consentFollowUp:
            guard case .bool(let flag) = value else {
                reader.report(path, "must be true or false")
                return nil
            }
            return .bool(flag)
        case .line, .region:
            guard case .string(let text) = value, Identifier.isValid(text) else {
                reader.report(path, "must be a string of 1 to \(Identifier.maxLength) characters without control characters")
                return nil
            }
            return .text(text)
        case .language:
            guard case .string(let text) = value, let tag = LanguageTag.canonical(text) else {
                reader.report(path, "must be a BCP 47 language tag, e.g. en or es-US")
                return nil
            }
            return .text(tag)
        }
    }

    private static func number(_ value: JSONValue, in range: ClosedRange<Int64>, rule: String, at path: JSONPath,
                               reader: inout FieldReader) -> FactValue? {
        guard let number = value.intValue, range.contains(number) else {
            reader.report(path, rule)
            return nil
        }
        return .number(Int(number))
    }
}
