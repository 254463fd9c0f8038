import JSON
import LodestarCore
import LodestarStore
import Loop
import Time

/// `POST /v1/routing/replay`: every contact whose latest assessment lies in the window,
/// re-decided under another ruleset with the facts recorded at its decision (SPEC §5). Pages
/// through history, so memory holds one page and the changed contacts, never the window.
struct RoutingReplay {
    private(set) var contacts = 0
    private var transitions: [Transition: Int] = [:]
    private var changed: [JSONValue] = []

    private struct Transition: Hashable {
        var from: RoutingAction
        var to: RoutingAction
    }

    @LoopActor
    static func run(_ ruleset: CompiledRuleset, version: Int, from: Timestamp, to: Timestamp,
                    store: DecisionStore, actor: String) async throws -> RoutingReplay {
        var replay = RoutingReplay()
        var after: String?
        while true {
            let page = try await store.standing(from: from, to: to, after: after, limit: 1000)
            for recorded in page {
                guard let facts = Self.facts(of: recorded) else { continue }
                replay.add(recorded, replayed: ruleset.decide(facts), declinedFollowUp: facts.consentFollowUp == false)
            }
            guard page.count == 1000, let last = page.last else { break }
            after = last.contactID
        }
        try await store.auditReplay(by: actor, version: version, contacts: replay.contacts, changed: replay.changed.count)
        return replay
    }

    /// The facts recorded with the decision (written by ingest, so readable).
    private static func facts(of recorded: RecordedDecision) -> RoutingFacts? {
        var reader = FieldReader()
        return RoutingFacts.read(simulated: recorded.facts, at: .root, reader: &reader)
    }

    private mutating func add(_ recorded: RecordedDecision, replayed: RuleDecision, declinedFollowUp: Bool) {
        contacts += 1
        transitions[Transition(from: recorded.action, to: replayed.action), default: 0] += 1
        // A decision changes when its rule, action, priority or follow-up would differ (SPEC §5).
        // The follow-up is the one the decision creates: none, whatever the rule's delay, for a
        // caller who declined follow-up.
        let recordedFollowUp = declinedFollowUp ? nil : recorded.followUp?.seconds
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
