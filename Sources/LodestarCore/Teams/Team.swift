public import Time

/// A mobile crisis team: what an admin described (name, capabilities, regions, base) and what
/// it reported or dispatches made of it (status, last location).
public struct Team: Sendable, Hashable {
    public var id: String
    public var name: String
    /// E.g. `clinician`, `peer`, `youth`, `spanish`, `medical`: a dispatch may require some.
    public var capabilities: [String]
    /// Region codes the team covers; none listed means it covers every region.
    public var regions: [String]
    /// Where the team starts from when it has reported no location.
    public var base: GeoPoint
    public internal(set) var status: TeamStatus
    /// When the status last changed; nil for a team that never reported one.
    public internal(set) var statusAt: Timestamp?
    /// When the team last became available, for ranking teams when the place is unknown
    /// (the one waiting longest goes first); nil unless available.
    public internal(set) var availableSince: Timestamp?
    public internal(set) var location: GeoPoint?
    public internal(set) var locationAt: Timestamp?

    /// A team as stored.
    public init(id: String, name: String, capabilities: [String], regions: [String], base: GeoPoint, status: TeamStatus,
                statusAt: Timestamp?, availableSince: Timestamp?, location: GeoPoint?, locationAt: Timestamp?) {
        self.id = id
        self.name = name
        self.capabilities = capabilities
        self.regions = regions
        self.base = base
        self.status = status
        self.statusAt = statusAt
        self.availableSince = availableSince
        self.location = location
        self.locationAt = locationAt
    }

    /// A team just described: available at its base from `describedAt`. An administrator
    /// describes a team when it enters service, and a dispatcher expects to send it at once; a
    /// team off shift says so (`POST /v1/teams/{id}/status`). No status time is set, so the
    /// team's first report may carry any time.
    public init(description: TeamDescription, describedAt: Timestamp) {
        self.init(id: description.id, name: description.name, capabilities: description.capabilities, regions: description.regions,
                  base: description.base, status: .available, statusAt: nil, availableSince: describedAt, location: nil, locationAt: nil)
    }

    /// Where the team is taken to be: its last reported location, else its base.
    public var position: GeoPoint { location ?? base }

    /// Replaces what an admin describes, keeping status and location.
    public mutating func redescribe(_ description: TeamDescription) {
        name = description.name
        capabilities = description.capabilities
        regions = description.regions
        base = description.base
    }

    /// Whether the team can serve a contact in `region` (any region when it lists none, and any
    /// team when the contact names none).
    public func covers(region: String?) -> Bool {
        guard let region, !regions.isEmpty else { return true }
        return regions.contains(region)
    }
}
