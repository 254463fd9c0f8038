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
