/// What the rest of the system needs of a contact's region: its type, its time zone and its
/// response target, with the defaults of a region nobody described.
///
/// Contacts may name any region code; only some are described. A region that was never
/// described counts as urban in UTC (SPEC §4), so every code, and a contact without one, has a
/// profile.
public struct RegionProfile: Sendable, Hashable {
    public var type: RegionType
    /// IANA time-zone name, `UTC` for an undescribed region.
    public var timeZone: String
    public var responseTargetMinutes: Int
    /// False for the default profile of a region never described.
    public var isDescribed: Bool

    public init(type: RegionType, timeZone: String, responseTargetMinutes: Int, isDescribed: Bool) {
        self.type = type
        self.timeZone = timeZone
        self.responseTargetMinutes = responseTargetMinutes
        self.isDescribed = isDescribed
    }

    /// The profile of a region never described (or of a contact that names no region).
    public static let undescribed = RegionProfile(
        type: .urban, timeZone: "UTC", responseTargetMinutes: RegionType.urban.defaultResponseTargetMinutes, isDescribed: false)
}
