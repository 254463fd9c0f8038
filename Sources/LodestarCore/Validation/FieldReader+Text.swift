public import JSON
public import Time

extension FieldReader {
    /// The longest identifier or free-text field accepted, in Unicode scalars.
    public static let maxTextLength = Identifier.maxLength

    /// A non-empty string member of at most `maxLength` scalars without control characters.
    public mutating func text(_ object: JSONObject, _ key: String, at path: JSONPath, required: Bool = false,
                              maxLength: Int = maxTextLength) -> String? {
        guard let value = value(object, key, at: path, required: required) else { return nil }
        // The member's path is built only for a report: building it for every valid field
        // was a measurable part of ingest.
        guard case .string(let text) = value else {
            report(path.member(key), "must be a string")
            return nil
        }
        guard !text.isEmpty else {
            report(path.member(key), "must not be empty")
            return nil
        }
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if Identifier.isControl(scalar) {
                report(path.member(key), "must not contain control characters")
                return nil
            }
        }
        guard count <= maxLength else {
            report(path.member(key), "must be at most \(maxLength) characters")
            return nil
        }
        return text
    }

    /// An RFC 3339 timestamp member with a required offset, from 1970-01-01T00:00:00Z to
    /// `latestAcceptedTime`: an instant outside them is a client's error, and PostgreSQL must
    /// never be handed a year it cannot store or that reads back as another.
    public mutating func timestamp(_ object: JSONObject, _ key: String, at path: JSONPath, required: Bool = false) -> Timestamp? {
        let rule = "must be an RFC 3339 timestamp with an offset, e.g. 2026-11-26T16:43:04.120Z"
        guard let time = member(object, key, at: path, required: required, rule: rule, { value in
            value.stringValue.flatMap { Timestamp(rfc3339: $0) }
        }) else { return nil }
        if time.microseconds < 0 {
            report(path.member(key), "must not be before 1970-01-01T00:00:00Z")
            return nil
        }
        if let latest = latestAcceptedTime, time > latest {
            report(path.member(key), "must not be more than one day after the server's clock")
            return nil
        }
        return time
    }

    /// An ISO 8601 duration member such as `PT24H`.
    public mutating func duration(_ object: JSONObject, _ key: String, at path: JSONPath, required: Bool = false) -> ISODuration? {
        guard let value = value(object, key, at: path, required: required) else { return nil }
        guard case .string(let text) = value else {
            report(path.member(key), "must be an ISO 8601 duration, e.g. PT24H")
            return nil
        }
        do {
            return try ISODuration(iso8601: text)
        } catch {
            report(path.member(key), "must be an ISO 8601 duration, e.g. PT24H: \(error.message)")
            return nil
        }
    }

    /// A BCP 47 language tag member, returned in canonical case.
    public mutating func languageTag(_ object: JSONObject, _ key: String, at path: JSONPath, required: Bool = false) -> String? {
        member(object, key, at: path, required: required, rule: "must be a BCP 47 language tag, e.g. en or es-US") { value in
            value.stringValue.flatMap(LanguageTag.canonical)
        }
    }

    /// A `{lat, lon}` member; both are required when the member is given.
    public mutating func geoPoint(_ object: JSONObject, _ key: String, at path: JSONPath, required: Bool = false) -> GeoPoint? {
        guard let value = value(object, key, at: path, required: required) else { return nil }
        let pointPath = path.member(key)
        guard let point = self.object(value, at: pointPath) else { return nil }
        rejectUnknownMembers(of: point, allowed: ["lat", "lon"], at: pointPath)
        let lat = number(point, "lat", at: pointPath, in: -90...90, required: true)
        let lon = number(point, "lon", at: pointPath, in: -180...180, required: true)
        guard let lat, let lon else { return nil }
        return GeoPoint(lat: lat, lon: lon)
    }
}
