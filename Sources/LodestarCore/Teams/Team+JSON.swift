public import JSON

extension Team {
    /// The team as the API and the stream show it (SPEC §4): `location` is its last reported
    /// location, else its base.
    public var json: JSONValue {
        .object(JSONObject(uniquePairs: jsonMembers))
    }

    /// The members of `json`, for callers that add their own (`distance_km`, `eta_minutes`).
    public var jsonMembers: [JSONObject.Element] {
        [
            ("team_id", .string(id)),
            ("name", .string(name)),
            ("status", .string(status.rawValue)),
            ("capabilities", .array(capabilities.map(JSONValue.string))),
            ("regions", .array(regions.map(JSONValue.string))),
            ("location", ["lat": .double(position.lat), "lon": .double(position.lon)]),
        ]
    }
}

extension Team {
    /// Writes the members of `json` into an object `writer` has begun, without building the
    /// value: the same text, for lists of teams.
    public func writeMembers(to writer: inout JSONWriter) {
        writer.key("team_id")
        writer.string(id)
        writer.key("name")
        writer.string(name)
        writer.key("status")
        writer.string(status.rawValue)
        writer.key("capabilities")
        writer.beginArray()
        for capability in capabilities { writer.string(capability) }
        writer.endArray()
        writer.key("regions")
        writer.beginArray()
        for region in regions { writer.string(region) }
        writer.endArray()
        writer.key("location")
        writer.beginObject()
        writer.key("lat")
        writer.double(position.lat)
        writer.key("lon")
        writer.double(position.lon)
        writer.endObject()
    }
}
