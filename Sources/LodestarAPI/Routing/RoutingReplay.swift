import JSON
import LodestarCore
import LodestarStore
import Loop
import Time
import ZoneInfo

/// `POST /v1/routing/replay`: every contact whose latest assessment lies in the window,
/// re-decided under another ruleset with the facts it had then (SPEC §5): its events as known
/// now, folded up to that assessment in `occurred_at` order (SPEC §3), so an event that arrived
/// after the decision but happened before the assessment counts. Pages through history, so
/// memory holds one page of contacts with their events and the changed contacts, never the
/// window.
struct RoutingReplay {
    private(set) var contacts = 0
    private var transitions: [Transition: Int] = [:]
    private var changed: [JSONValue] = []

    private struct Transition: Hashable {
        var from: RoutingAction
        var to: RoutingAction
    }

    static let pageSize = 1000

    @LoopActor
    static func run(_ ruleset: CompiledRuleset, version: Int, from: Timestamp, to: Timestamp,
                    database: Database, actor: String) async throws -> RoutingReplay {
        var replay = RoutingReplay()
        var zones: [String: ZoneRules] = [:]
        var after: String?
        while true {
            let page = try await database.decisions.standing(from: from, to: to, after: after, limit: pageSize)
            let history = try await database.decisions.events(ofContacts: page.map { $0.contactID })
            let regions = try await database.regions.profiles(of: Array(AssessmentRouting.regionsNamed(in: history.values.joined())))
            for profile in regions.values where zones[profile.timeZone] == nil {
                zones[profile.timeZone] = try? ZoneInfoDatabase.system.rules(named: profile.timeZone)
            }
            for recorded in page {
                let events = history[recorded.contactID, default: []]
                guard let assessment = events.first(where: { $0.key == recorded.assessment }) else { continue }
                let facts = AssessmentRouting.facts(asOf: assessment, events: events, regions: regions, zones: zones)
                replay.add(recorded, replayed: ruleset.decide(facts), declinedFollowUp: facts.consentFollowUp == false)
            }
            guard page.count == pageSize, let last = page.last else { break }
            after = last.contactID
        }
        try await database.decisions.auditReplay(by: actor, version: version, contacts: replay.contacts, changed: replay.changed.count)
        return replay
    }

    private mutating func add(_ recorded: RecordedDecision, replayed: RuleDecision, declinedFollowUp: Bool) {
        contacts += 1
        transitions[Transition(from: recorded.action, to: replayed.action), default: 0] += 1
        // A decision changes when its rule, action, priority or follow-up would differ (SPEC §5).
        // The follow-up is the one the decision creates: none, whatever the rule's delay, for a
        // caller who declined follow-up.
        let recordedFollowUp = recorded.createdFollowUp ? recorded.followUp?.seconds : nil
        let replayedFollowUp = declinedFollowUp ? nil : replayed.followUp?.seconds
        let differs = recorded.ruleID != replayed.ruleID || recorded.action != replayed.action
            || recorded.priority != replayed.priority || recordedFollowUp != replayedFollowUp
        guard differs else { return }
        changed.append([
            "contact_id": .string(recorded.contactID),
            "recorded": ["rule_id": .string(recorded.ruleID), "action": .string(recorded.action.rawValue)],
            "replayed": ["rule_id": .string(replayed.ruleID), "action": .string(replayed.action.rawValue)],
        ])
    }

    /// `{"contacts", "transitions": [{"from", "to", "count"}], "changed": [...]}`; transitions
    /// by count, most first, then by action names.
    var json: JSONValue {
        let ordered = transitions.sorted {
            $0.value != $1.value ? $0.value > $1.value
                : ($0.key.from.rawValue, $0.key.to.rawValue) < ($1.key.from.rawValue, $1.key.to.rawValue)
        }
        return [
            "contacts": .int(Int64(contacts)),
            "transitions": .array(ordered.map { ["from": .string($0.key.from.rawValue), "to": .string($0.key.to.rawValue), "count": .int(Int64($0.value))] }),
            "changed": .array(changed),
        ]
    }
}
