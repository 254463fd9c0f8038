/// A service area as an admin described it with `PUT /v1/regions/{code}` (SPEC §4).
public struct Region: Sendable, Hashable {
    /// The code contacts name in their `region` (a county or service-area code).
    public var code: String
    public var name: String
    public var type: RegionType
    /// An IANA time-zone name the system's tz database knows, e.g. `America/Chicago`.
    public var timeZone: String
    public var responseTargetMinutes: Int

    public init(code: String, name: String, type: RegionType, timeZone: String, responseTargetMinutes: Int) {
        self.code = code
        self.name = name
        self.type = type
        self.timeZone = timeZone
        self.responseTargetMinutes = responseTargetMinutes
    }

    /// What routing, the board and reports need to know of the region.
    public var profile: RegionProfile {
        RegionProfile(type: type, timeZone: timeZone, responseTargetMinutes: responseTargetMinutes, isDescribed: true)
    }
}
