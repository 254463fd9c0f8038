public import Time

/// The routing of a transaction's accepted assessments (SPEC §5), pure: each is decided with
/// its contact's facts as of the assessment (the fold of every event known when it is decided,
/// stored or in this transaction, that comes at or before it in `occurred_at` order: SPEC §3
/// derives state in that order, whatever order events arrive in) and the hour and weekday in
/// its region's zone. Other accepted events are not routed, so a late event that changes an
/// assessed contact's facts leaves its decision standing.
///
/// Mostly the contact's state over all its known events already is that fold (nothing known
/// comes after the assessment); otherwise the fold is made from the events themselves, which
/// for a contact with stored events means reading them first (`contactsNeedingHistory`).
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
        /// Whether this is the contact's latest assessment (in `occurred_at` order), whose
        /// decision stands (SPEC §3). One that a later assessment already known supersedes (it
        /// arrived late, or earlier in the same batch) is decided and recorded, but its actions
        /// are not carried out: the later assessment's are what the contact needs now.
        public var stands: Bool
        /// Whether the decision creates a follow-up: it stands, asks for one, and the caller
        /// did not decline.
        public var wantsFollowUp: Bool {
            stands && decision.followUp != nil && facts.consentFollowUp != false
        }
        /// Whether the decision sends a team: it stands and asks for one.
        public var wantsDispatch: Bool { stands && decision.action == .dispatchMobileTeam }
    }

    /// The contacts whose stored events deciding needs: those with an accepted assessment that
    /// something already known of the contact follows, and events stored before this
    /// transaction (when all its events are in the transaction, they are at hand).
    public static func contactsNeedingHistory(_ outcome: IngestOutcome) -> Set<String> {
        // Counted only when some assessment is unsettled: nearly every batch has none.
        var newEvents: [String: Int]?
        var contacts = Set<String>()
        for item in outcome.accepted where item.event.type == .assessed {
            let contactID = item.event.contactID
            guard let state = outcome.states[contactID], !state.routingFactsSettled(asOf: item.event.order) else { continue }
            if newEvents == nil {
                var counts: [String: Int] = [:]
                for item in outcome.accepted { counts[item.event.contactID, default: 0] += 1 }
                newEvents = counts
            }
            if state.eventCount > newEvents![contactID, default: 0] { contacts.insert(contactID) }
        }
        return contacts
    }

    /// Decides every accepted `contact.assessed`, in posted order. `history` holds the stored
    /// events of every contact `contactsNeedingHistory` names.
    public static func decide(_ outcome: IngestOutcome, history: [String: [ContactEvent]], context: Context) -> [Decided] {
        var newEventsByContact: [String: [ContactEvent]]?
        return outcome.accepted.compactMap { item in
            guard item.event.type == .assessed else { return nil }
            let contactID = item.event.contactID, order = item.event.order
            var state = outcome.states[contactID] ?? ContactState()
            let stands = state.latestAssessment == order
            if !state.routingFactsSettled(asOf: order) {
                if newEventsByContact == nil { newEventsByContact = Dictionary(grouping: outcome.acceptedEvents, by: \.contactID) }
                let known = history[contactID, default: []] + newEventsByContact![contactID, default: []]
                state = ContactState.derive(from: known.lazy.filter { $0.order <= order })
            }
            let facts = Self.facts(of: state, contactID: contactID, assessedAt: item.event.occurredAt,
                                   regions: context.regions, zones: context.zones)
            return Decided(post: item.post, index: item.index, event: item.event, facts: facts,
                           decision: context.ruleset.decide(facts), stands: stands)
        }
    }

    /// The facts of a contact at an assessment made at `assessedAt` on `state` (the contact as
    /// of it): its region's type, and the hour and weekday in the region's zone (`regions`
    /// holds the described ones, `zones` their rules; undescribed: urban, UTC).
    public static func facts(of state: ContactState, contactID: String, assessedAt: Timestamp,
                             regions: [String: RegionProfile], zones: [String: ZoneRules]) -> RoutingFacts {
        let profile = state.region.flatMap { regions[$0] } ?? .undescribed
        return RoutingFacts(contact: state, contactID: contactID, assessedAt: assessedAt,
                            regionType: profile.type, zone: zones[profile.timeZone] ?? .utc)
    }

    /// The facts a contact had at its assessment `assessment`, from `events`, the contact's
    /// events as known now, in any order: the fold of those at or before it in `occurred_at`
    /// order (SPEC §3), so an event that arrived after the decision but happened before the
    /// assessment counts, and one that happened after it does not.
    public static func facts(asOf assessment: ContactEvent, events: [ContactEvent],
                             regions: [String: RegionProfile], zones: [String: ZoneRules]) -> RoutingFacts {
        let order = assessment.order
        let state = ContactState.derive(from: events.lazy.filter { $0.order <= order })
        return facts(of: state, contactID: assessment.contactID, assessedAt: assessment.occurredAt, regions: regions, zones: zones)
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
