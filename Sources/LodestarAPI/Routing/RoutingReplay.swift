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
            for recorded in page { replay.add(recorded, replayed: Self.redecide(recorded, ruleset)) }
            guard page.count == 1000, let last = page.last else { break }
            after = last.contactID
        }
        try await store.auditReplay(by: actor, version: version, contacts: replay.contacts, changed: replay.changed.count)
        return replay
    }

    /// The decision `ruleset` makes on the recorded facts (written by ingest, so readable).
    private static func redecide(_ recorded: RecordedDecision, _ ruleset: CompiledRuleset) -> RuleDecision? {
        var reader = FieldReader()
        guard let facts = RoutingFacts.read(simulated: recorded.facts, at: .root, reader: &reader) else { return nil }
        return ruleset.decide(facts)
    }

    private mutating func add(_ recorded: RecordedDecision, replayed: RuleDecision?) {
        guard let replayed else { return }
        contacts += 1
        transitions[Transition(from: recorded.action, to: replayed.action), default: 0] += 1
        // A decision changes when its rule, action, priority or follow-up would differ (SPEC §5).
        let differs = recorded.ruleID != replayed.ruleID || recorded.action != replayed.action
            || recorded.priority != replayed.priority || recorded.followUp?.seconds != replayed.followUp?.seconds
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
