/// The validated `data` of a contact event, typed by the event's type.
///
/// Optional members are `nil` when the client did not state them (absent or `null`), so that
/// a later event can refine an attribute without an unstated default overwriting it; the
/// defaults (language `en`, consent `true`) are applied by `ContactState`.
public enum EventData: Sendable, Hashable {
    case received(Received)
    case answered(counselorID: String?)
    case abandoned
    case transferred(to: String)
    case assessed(Assessment)
    case closed(Disposition)

    /// The event type this data belongs to.
    public var type: ContactEventType {
        switch self {
        case .received: .received
        case .answered: .answered
        case .abandoned: .abandoned
        case .transferred: .transferred
        case .assessed: .assessed
        case .closed: .closed
        }
    }

    /// `contact.received` data.
    public struct Received: Sendable, Hashable {
        public var channel: Channel
        public var line: String?
        public var region: String?
        /// A BCP 47 tag in canonical case; `nil` when not stated (the state reports `en`).
        public var language: String?
        public var caller: CallerInfo?
        public var location: GeoPoint?

        public init(channel: Channel, line: String? = nil, region: String? = nil, language: String? = nil,
                    caller: CallerInfo? = nil, location: GeoPoint? = nil) {
            self.channel = channel
            self.line = line
            self.region = region
            self.language = language
            self.caller = caller
            self.location = location
        }
    }

    /// `contact.assessed` data.
    public struct Assessment: Sendable, Hashable {
        public var riskLevel: RiskLevel
        /// Unique, in canonical order; `nil` when not stated.
        public var flags: [ContactFlag]?
        /// `nil` when not stated (the state reports `true`).
        public var consentFollowUp: Bool?
        public var location: GeoPoint?
        public var region: String?

        public init(riskLevel: RiskLevel, flags: [ContactFlag]? = nil, consentFollowUp: Bool? = nil,
                    location: GeoPoint? = nil, region: String? = nil) {
            self.riskLevel = riskLevel
            self.flags = flags
            self.consentFollowUp = consentFollowUp
            self.location = location
            self.region = region
        }
    }
}
