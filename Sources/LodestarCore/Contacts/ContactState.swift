public import Time

/// What is known about a contact, derived from its events (SPEC §3).
///
/// The derivation is a fold in which every step commutes, so the state depends only on the
/// set of events, never on the order in which they arrive:
/// - each attribute (channel, line, region, language, caller, location, risk level, flags,
///   consent, transfer, disposition) takes its value from the latest event, in `EventOrder`,
///   that states it; an event that leaves an optional member out does not erase it. Region and
///   location may be stated by a received or an assessed event, whichever is later. Flags and
///   consent belong to an assessment as a whole: each assessment states them, an absent list
///   meaning no flags and an absent consent meaning `true` (SPEC §3: "default true"), so a
///   re-assessment is not decided on an earlier one's flags or refusal.
/// - `receivedAt`, `answeredAt` and `abandonedAt` are the earliest of their kind.
/// - `assessedAt`, `transferredAt` and `closedAt` belong to the latest event of their kind.
/// - a contact counts as abandoned only if it was never answered, whatever the order of the
///   two events (`abandonedAt` keeps the recorded instant either way).
///
/// `apply` assumes each `(source, event_id)` is applied once; the store drops duplicates.
public struct ContactState: Sendable, Hashable {
    var channelValue = LatestValue<Channel>()
    var lineValue = LatestValue<String>()
    var regionValue = LatestValue<String>()
    var languageValue = LatestValue<String>()
    var callerValue = LatestValue<CallerInfo>()
    var locationValue = LatestValue<GeoPoint>()
    var transferValue = LatestValue<String>()
    var riskValue = LatestValue<RiskLevel>()
    var flagsValue = LatestValue<[ContactFlag]>()
    var consentValue = LatestValue<Bool>()
    var dispositionValue = LatestValue<Disposition>()

    /// The earliest `contact.received`.
    public internal(set) var receivedAt: Timestamp?
    /// The first `contact.answered`.
    public internal(set) var answeredAt: Timestamp?
    /// The earliest `contact.abandoned`, kept even if the contact was answered after all.
    public internal(set) var abandonedAt: Timestamp?
    /// How many events have been applied.
    public internal(set) var eventCount = 0

    /// The state before any event.
    public init() {}

    /// The state of a contact with these events (all of one contact, each once).
    public static func derive(from events: some Sequence<ContactEvent>) -> ContactState {
        var state = ContactState()
        for event in events { state.apply(event) }
        return state
    }

    public var channel: Channel? { channelValue.value }
    public var line: String? { lineValue.value }
    public var region: String? { regionValue.value }
    /// The stated language, or `en` once the contact has been received without one.
    public var language: String? { languageValue.value ?? (receivedAt == nil ? nil : "en") }
    public var caller: CallerInfo? { callerValue.value }
    public var location: GeoPoint? { locationValue.value }
    /// Whether the person left before anyone answered.
    public var isAbandoned: Bool { abandonedAt != nil && answeredAt == nil }
    public var transferredTo: String? { transferValue.value }
    public var transferredAt: Timestamp? { transferValue.occurredAt }
    public var riskLevel: RiskLevel? { riskValue.value }
    /// When the latest assessment happened.
    public var assessedAt: Timestamp? { riskValue.occurredAt }
    /// The latest assessment's place in the timeline: its decision is the one that stands.
    public var latestAssessment: EventOrder? { riskValue.order }
    /// The latest assessment's flags; empty before any assessment.
    public var flags: [ContactFlag] { flagsValue.value ?? [] }
    /// Whether follow-up is allowed: the latest assessment's consent, `true` when it did not say.
    public var consentFollowUp: Bool { consentValue.value ?? true }
    public var closedAt: Timestamp? { dispositionValue.occurredAt }
    public var disposition: Disposition? { dispositionValue.value }
}
