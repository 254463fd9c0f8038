/// What the rules may know about a contact when it is routed: the facts of SPEC §5, plus
/// the contact's id, which places it in an experiment's arm.
///
/// `nil` is a fact the contact lacks: every comparison on it is false, `exists` tells it
/// apart. An integer outside its range (age 0–130, hour 0–23, day 1–7) counts as lacking,
/// so that the rules see only values that a validated event or simulation could carry.
/// `flags` has no separate absence: an empty list is what a contact without flags has, so
/// `exists` on `flags` means "at least one flag".
public struct RoutingFacts: Sendable, Hashable {
    /// Keys experiment arms; the empty string when unknown (a simulation without one).
    public var contactID: String
    public var channel: Channel?
    public var line: String?
    public var region: String?
    public var regionType: RegionType?
    /// A BCP 47 tag in canonical case (`es-US`); rules compare tags exactly.
    public var language: String?
    public var age: Int?
    public var riskLevel: RiskLevel?
    public var flags: [ContactFlag]
    public var consentFollowUp: Bool?
    /// 0...23, at the assessment in the region's time zone.
    public var hourOfDay: Int?
    /// 1 (Monday) ... 7 (Sunday), at the assessment in the region's time zone.
    public var dayOfWeek: Int?

    public init(contactID: String = "", channel: Channel? = nil, line: String? = nil, region: String? = nil,
                regionType: RegionType? = nil, language: String? = nil, age: Int? = nil,
                riskLevel: RiskLevel? = nil, flags: [ContactFlag] = [], consentFollowUp: Bool? = nil,
                hourOfDay: Int? = nil, dayOfWeek: Int? = nil) {
        self.contactID = contactID
        self.channel = channel
        self.line = line
        self.region = region
        self.regionType = regionType
        self.language = language
        self.age = age
        self.riskLevel = riskLevel
        self.flags = flags
        self.consentFollowUp = consentFollowUp
        self.hourOfDay = hourOfDay
        self.dayOfWeek = dayOfWeek
    }
}
