import JSON
import LodestarCore
import Testing
import Time

@Suite struct IngestPlanTests {
    static func event(_ id: String, contact: String, _ time: String, _ data: EventData = .answered(counselorID: nil), source: String = "a") -> ContactEvent {
        ContactEvent(eventID: id, source: source, contactID: contact, occurredAt: Timestamp(rfc3339: "2026-11-26T\(time)Z")!, data: data, raw: .null)
    }

    static let received = EventData.received(.init(channel: .chat))

    @Test func rowsHoldEachKeyOnceAndContactsAreSorted() {
        let plan = IngestPlan(posts: [
            [Self.event("1", contact: "z", "10:00:00"), Self.event("1", contact: "z", "10:00:00")],
            [Self.event("1", contact: "b", "10:00:00", source: "other"), Self.event("1", contact: "z", "10:00:00")],
        ])
        #expect(plan.rows.map(\.key) == [EventKey(source: "a", eventID: "1"), EventKey(source: "other", eventID: "1")])
        #expect(plan.contactIDs == ["b", "z"])
    }

    @Test func onlyTheFirstOccurrenceOfAnInsertedKeyIsAccepted() {
        let plan = IngestPlan(posts: [
            [Self.event("1", contact: "c", "10:00:00", Self.received), Self.event("1", contact: "c", "10:00:00", Self.received)],
            [Self.event("1", contact: "c", "10:00:00", Self.received), Self.event("2", contact: "c", "10:00:05")],
            [Self.event("old", contact: "c", "09:00:00")],
        ])
        let outcome = plan.outcome(inserted: [EventKey(source: "a", eventID: "1"), EventKey(source: "a", eventID: "2")], storedEvents: [:])
        #expect(outcome.results.map { $0.map(\.status) } == [[.accepted, .duplicate], [.duplicate, .accepted], [.duplicate]])
        #expect(outcome.states["c"]?.eventCount == 2)
        #expect(outcome.states["c"]?.channel == .chat)
    }

    @Test func knownContactsDeriveFromAllStoredEvents() {
        let earlier = Self.event("r", contact: "k", "08:00:00", Self.received)
        let late = Self.event("ans", contact: "k", "08:00:30")
        let plan = IngestPlan(posts: [[late]])
        let outcome = plan.outcome(inserted: [late.key], storedEvents: ["k": [earlier, late]])
        #expect(outcome.states["k"]?.eventCount == 2)
        #expect(outcome.states["k"]?.receivedAt == earlier.occurredAt)
        #expect(outcome.states["k"]?.answeredAt == late.occurredAt)
    }

    @Test func contactsWithOnlyDuplicatesAreNotRewritten() {
        let plan = IngestPlan(posts: [[Self.event("x", contact: "d", "10:00:00")]])
        #expect(plan.outcome(inserted: [], storedEvents: [:]).states.isEmpty)
    }
}
