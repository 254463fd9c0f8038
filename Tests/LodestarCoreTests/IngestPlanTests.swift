import JSON
import LodestarCore
import Testing
import Time

@Suite struct IngestPlanTests {
    static func event(_ id: String, contact: String, _ time: String, _ data: EventData = .answered(counselorID: nil),
                      source: String = "a", raw: JSONValue = .null) -> ContactEvent {
        ContactEvent(eventID: id, source: source, contactID: contact, occurredAt: Timestamp(rfc3339: "2026-11-26T\(time)Z")!,
                     data: data, raw: raw)
    }

    static let received = EventData.received(.init(channel: .chat))

    static func statuses(_ outcome: IngestOutcome) -> [[IngestResult.Status]?] {
        outcome.verdicts.map { verdict in
            if case .accepted(let results) = verdict { results.map(\.status) } else { nil }
        }
    }

    @Test func keysAreDistinctAndContactsSorted() {
        let plan = IngestPlan(posts: [
            [Self.event("1", contact: "z", "10:00:00"), Self.event("1", contact: "z", "10:00:00")],
            [Self.event("1", contact: "b", "10:00:00", source: "other"), Self.event("1", contact: "z", "10:00:00")],
        ])
        #expect(plan.keys == [EventKey(source: "a", eventID: "1"), EventKey(source: "other", eventID: "1")])
        #expect(plan.contactIDs == ["b", "z"])
    }

    @Test func repeatsWithinTheTransactionAreDuplicates() {
        let plan = IngestPlan(posts: [
            [Self.event("1", contact: "c", "10:00:00", Self.received), Self.event("1", contact: "c", "10:00:00", Self.received)],
            [Self.event("1", contact: "c", "10:00:00", Self.received), Self.event("2", contact: "c", "10:00:05")],
        ])
        let outcome = plan.outcome(stored: IngestStoredFacts(), maxEventsPerContact: 100)
        #expect(Self.statuses(outcome) == [[.accepted, .duplicate], [.duplicate, .accepted]])
        #expect(outcome.states["c"]?.eventCount == 2)
        #expect(outcome.accepted.map(\.event.eventID) == ["1", "2"])
    }

    @Test func storedKeysWithTheSameContentAreDuplicatesAndFoldNothing() {
        let stored = Self.event("r", contact: "k", "08:00:00", Self.received)
        let plan = IngestPlan(posts: [[stored]])
        let facts = IngestStoredFacts(
            events: [stored.key: StoredEventHead(contactID: "k", type: .received, occurredAt: stored.occurredAt)],
            states: ["k": ContactState.derive(from: [stored])])
        let outcome = plan.outcome(stored: facts, maxEventsPerContact: 100)
        #expect(Self.statuses(outcome) == [[.duplicate]])
        #expect(outcome.states.isEmpty)
        #expect(outcome.accepted.isEmpty)
    }

    @Test func newEventsFoldIntoTheStoredState() {
        let earlier = Self.event("r", contact: "k", "08:00:00", Self.received)
        let late = Self.event("ans", contact: "k", "08:00:30")
        let outcome = IngestPlan(posts: [[late]])
            .outcome(stored: IngestStoredFacts(states: ["k": ContactState.derive(from: [earlier])]), maxEventsPerContact: 100)
        #expect(outcome.states["k"] == ContactState.derive(from: [earlier, late]))
        #expect(outcome.accepted.map { $0.event.eventID } == ["ans"])
    }

    @Test func aConflictingRetryRefusesItsPostAloneNamingEachField() {
        let stored = Self.event("1", contact: "c", "10:00:00", Self.received)
        let retry = Self.event("1", contact: "other", "10:00:01", Self.received)
        let innocent = Self.event("2", contact: "d", "10:00:00")
        let plan = IngestPlan(posts: [[Self.event("0", contact: "c", "09:00:00"), retry], [innocent]])
        let facts = IngestStoredFacts(
            events: [stored.key: StoredEventHead(contactID: "c", type: .received, occurredAt: stored.occurredAt)],
            dataDiffers: [1])
        let outcome = plan.outcome(stored: facts, maxEventsPerContact: 100)
        guard case .rejected(.conflict(let conflicts)) = outcome.verdicts[0] else {
            Issue.record("the first post must be refused as a conflict")
            return
        }
        #expect(conflicts == [EventConflict(eventIndex: 1, fields: [.contactID, .occurredAt, .data])])
        #expect(Self.statuses(outcome)[1] == [.accepted])
        #expect(outcome.accepted.map(\.event.eventID) == ["2"])
        #expect(outcome.states.keys.sorted() == ["d"])
    }

    @Test func aRepeatWithOtherDataInTheSameTransactionConflicts() {
        let first = Self.event("1", contact: "c", "10:00:00", raw: ["data": ["channel": "call"]])
        let second = Self.event("1", contact: "c", "10:00:00", raw: ["data": ["channel": "text"]])
        let same = Self.event("1", contact: "c", "10:00:00", raw: ["data": ["channel": "call"]])
        let outcome = IngestPlan(posts: [[first], [second], [same]]).outcome(stored: IngestStoredFacts(), maxEventsPerContact: 100)
        #expect(Self.statuses(outcome) == [[.accepted], nil, [.duplicate]])
    }

    @Test func absentAndNullDataAreTheSame() {
        let absent = Self.event("1", contact: "c", "10:00:00", raw: ["event_id": "1"])
        let null = Self.event("1", contact: "c", "10:00:00", raw: ["event_id": "1", "data": .null])
        let empty = Self.event("1", contact: "c", "10:00:00", raw: ["event_id": "1", "data": [:]])
        let outcome = IngestPlan(posts: [[absent, null, empty]]).outcome(stored: IngestStoredFacts(), maxEventsPerContact: 100)
        #expect(Self.statuses(outcome) == [[.accepted, .duplicate, .duplicate]])
    }

    @Test func aPostThatWouldExceedTheContactCapIsRefused() {
        let stored = ContactState.derive(from: [Self.event("r", contact: "c", "08:00:00", Self.received)])
        let plan = IngestPlan(posts: [
            [Self.event("1", contact: "c", "10:00:00")],
            [Self.event("2", contact: "d", "10:00:00"), Self.event("3", contact: "c", "10:00:01")],
        ])
        let outcome = plan.outcome(stored: IngestStoredFacts(states: ["c": stored]), maxEventsPerContact: 2)
        #expect(Self.statuses(outcome)[0] == [.accepted])
        guard case .rejected(.tooManyEvents(let index, let limit)) = outcome.verdicts[1] else {
            Issue.record("the second post must be refused")
            return
        }
        #expect(index == 1 && limit == 2)
        #expect(outcome.states.keys.sorted() == ["c"])
    }

    /// A step that refuses a post re-judges without it: a later repeat of its key is then the
    /// new event, not a duplicate of something never stored.
    @Test func aPostRefusedByAStepLeavesNoTrace() {
        let event = Self.event("1", contact: "c", "10:00:00")
        let plan = IngestPlan(posts: [[event], [event]])
        struct StepError: Error {}
        let outcome = plan.outcome(stored: IngestStoredFacts(), maxEventsPerContact: 100, rejected: [0: .stepFailed(StepError())])
        #expect(Self.statuses(outcome) == [nil, [.accepted]])
        #expect(outcome.accepted.map(\.post) == [1])
    }
}
