public import JSON

/// What `PUT /v1/teams/{team_id}` says of a team (SPEC §4).
public struct TeamDescription: Sendable, Hashable {
    static let members: Set<String> = ["name", "capabilities", "regions", "base"]

    public var id: String
    public var name: String
    public var capabilities: [String]
    public var regions: [String]
    public var base: GeoPoint

    public init(id: String, name: String, capabilities: [String], regions: [String], base: GeoPoint) {
        self.id = id
        self.name = name
        self.capabilities = capabilities
        self.regions = regions
        self.base = base
    }

    /// Validates a body; `capabilities` and `regions` default to none.
    public static func validate(body: JSONValue, id: String) throws(ValidationFailure) -> TeamDescription {
        var reader = FieldReader()
        guard let object = reader.object(body, at: .root) else { throw ValidationFailure(issues: reader.issues) }
        reader.rejectUnknownMembers(of: object, allowed: members, at: .root)
        let name = reader.text(object, "name", at: .root, required: true)
        let capabilities = reader.textList(object, "capabilities", at: .root)
        let regions = reader.textList(object, "regions", at: .root)
        let base = reader.geoPoint(object, "base", at: .root, required: true)
        guard reader.issues.isEmpty, let name, let base else { throw ValidationFailure(issues: reader.issues) }
        return TeamDescription(id: id, name: name, capabilities: capabilities ?? [], regions: regions ?? [], base: base)
    }
}
