public import Time

/// The routing of a transaction's accepted assessments (SPEC §5), pure: each is decided with
/// the facts known at that moment (its contact's state with it folded in: earlier events of
/// the contact, and those before it in the same batch) and the hour and weekday in its
/// region's zone. Other accepted events are not routed, so a late event that changes an
/// assessed contact's facts leaves its decision standing.
public struct AssessmentRouting: Sendable {
    /// What deciding needs besides the assessments.
    public struct Context: Sendable {
        public var ruleset: CompiledRuleset
        public var version: Int
        /// Profiles of the regions the assessed contacts name (undescribed ones absent: urban, UTC).
        public var regions: [String: RegionProfile]
        /// Zone rules by IANA name, for every zone of `regions`.
        public var zones: [String: ZoneRules]

        public init(ruleset: CompiledRuleset, version: Int, regions: [String: RegionProfile], zones: [String: ZoneRules]) {
            self.ruleset = ruleset
            self.version = version
            self.regions = regions
            self.zones = zones
        }
    }

    /// One assessment's decision, with the facts it was made on and where it was posted.
    public struct Decided: Sendable {
        public var post: Int
        public var index: Int
        public var event: ContactEvent
        public var facts: RoutingFacts
        public var decision: RuleDecision
        /// Whether the decision asks for a follow-up the caller did not decline.
        public var wantsFollowUp: Bool {
            decision.followUp != nil && facts.consentFollowUp != false
        }
        public var wantsDispatch: Bool { decision.action == .dispatchMobileTeam }
    }

    /// Decides every accepted `contact.assessed`, in posted order.
    public static func decide(_ accepted: [AcceptedEvent], context: Context) -> [Decided] {
        accepted.compactMap { item in
            guard item.event.type == .assessed else { return nil }
            let profile = item.state.region.flatMap { context.regions[$0] } ?? .undescribed
            let zone = context.zones[profile.timeZone] ?? .utc
            let facts = RoutingFacts(contact: item.state, contactID: item.event.contactID, assessedAt: item.event.occurredAt,
                                     regionType: profile.type, zone: zone)
            return Decided(post: item.post, index: item.index, event: item.event, facts: facts,
                           decision: context.ruleset.decide(facts))
        }
    }

    /// The regions the contacts of `events` may name once folded: those stated in the posted
    /// events (stored contacts' regions are read beside them by the store).
    public static func regionsNamed(in events: some Sequence<ContactEvent>) -> Set<String> {
        var codes = Set<String>()
        for event in events {
            switch event.data {
            case .received(let received): if let region = received.region { codes.insert(region) }
            case .assessed(let assessment): if let region = assessment.region { codes.insert(region) }
            default: break
            }
        }
        return codes
    }
}
