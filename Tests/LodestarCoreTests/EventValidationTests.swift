import JSON
import LodestarCore
import Testing
import Time

@Suite struct EventValidationTests {
    let validation = EventValidation()

    static let received: JSONValue = [
        "event_id": "c1-0001", "source": "center-a", "type": "contact.received", "contact_id": "c1",
        "occurred_at": "2026-11-26T16:43:04.120Z",
        "data": ["channel": "call", "line": "988", "region": "north", "language": "es-us",
                 "caller": ["age": 17, "gender": "female", "race_ethnicity": "hispanic", "zip": "60601"],
                 "location": ["lat": 41.88, "lon": -87],
                ],
    ]

    @Test func validBatchOfEveryType() throws {
        let body: JSONValue = ["events": [
            Self.received,
            ["event_id": "c1-0002", "type": "contact.answered", "contact_id": "c1",
             "occurred_at": "2026-11-26T16:43:10Z", "data": ["counselor_id": "k7"]],
            ["event_id": "c1-0003", "type": "contact.abandoned", "contact_id": "c1",
             "occurred_at": "2026-11-26T16:43:11Z"],
            ["event_id": "c1-0004", "type": "contact.transferred", "contact_id": "c1",
             "occurred_at": "2026-11-26T16:44:00+01:00", "data": ["to": "911"]],
            ["event_id": "c1-0005", "type": "contact.assessed", "contact_id": "c1",
             "occurred_at": "2026-11-26T16:50:00Z",
             "data": ["risk_level": "high", "flags": ["youth", "suicidal_ideation", "youth"],
                      "consent_follow_up": false, "region": "south", "location": ["lat": 0, "lon": 0]]],
            ["event_id": "c1-0006", "type": "contact.closed", "contact_id": "c1",
             "occurred_at": "2026-11-26T17:00:00Z", "data": ["disposition": "dispatched"], "source": .null],
            ["event_id": "c1-0001", "source": "center-a", "type": "contact.answered", "contact_id": "c1",
             "occurred_at": "2026-11-26T16:43:10Z", "data": .null],
        ]]
        let events = try validation.validate(body: body, defaultSource: "token-a", now: Timestamp(rfc3339: "2026-12-01T00:00:00Z")!)
        #expect(events.count == 7)
        #expect(events[0].data == .received(.init(
            channel: .call, line: "988", region: "north", language: "es-US",
            caller: CallerInfo(age: 17, gender: "female", raceEthnicity: "hispanic", zip: "60601"),
            location: GeoPoint(lat: 41.88, lon: -87))))
        #expect(events[0].source == "center-a")
        #expect(events[0].occurredAt == Timestamp(rfc3339: "2026-11-26T16:43:04.120Z"))
        #expect(events[0].raw == Self.received)
        #expect(events[1].data == .answered(counselorID: "k7"))
        #expect(events[1].source == "token-a")
        #expect(events[2].data == .abandoned)
        #expect(events[3].data == .transferred(to: "911"))
        #expect(events[3].occurredAt == Timestamp(rfc3339: "2026-11-26T15:44:00Z"))
        #expect(events[4].data == .assessed(.init(
            riskLevel: .high, flags: [.suicidalIdeation, .youth], consentFollowUp: false,
            location: GeoPoint(lat: 0, lon: 0), region: "south")))
        #expect(events[5].data == .closed(.dispatched))
        #expect(events[5].source == "token-a")
        #expect(events[6].data == .answered(counselorID: nil))
        #expect(events.map(\.type) == [.received, .answered, .abandoned, .transferred, .assessed, .closed, .answered])
    }

    @Test func singleEvent() throws {
        let events = try validation.validate(body: Self.received, defaultSource: "token-a", now: Timestamp(rfc3339: "2026-12-01T00:00:00Z")!)
        #expect(events.count == 1)
        #expect(events[0].contactID == "c1")
        #expect(events[0].eventID == "c1-0001")
    }

    @Test func minimalReceivedLeavesOptionalsUnstated() throws {
        let body: JSONValue = ["event_id": "e", "type": "contact.received", "contact_id": "c",
                               "occurred_at": "2026-01-01T00:00:00Z", "data": ["channel": "text", "line": .null]]
        let events = try validation.validate(body: body, defaultSource: "t", now: Timestamp(rfc3339: "2026-12-01T00:00:00Z")!)
        #expect(events[0].data == .received(.init(channel: .text)))
    }

    @Test func batchLimits() {
        let event = Self.received
        let small = EventValidation(maxBatchSize: 2)
        #expect(throws: ValidationFailure(issues: [ValidationIssue(path: "events", message: "must hold from 1 to 2 events")])) {
            try small.validate(body: ["events": [event, event, event]], defaultSource: "t", now: Timestamp(rfc3339: "2026-12-01T00:00:00Z")!)
        }
        #expect(throws: ValidationFailure(issues: [ValidationIssue(path: "events", message: "must hold from 1 to 2 events")])) {
            try small.validate(body: ["events": []], defaultSource: "t", now: Timestamp(rfc3339: "2026-12-01T00:00:00Z")!)
        }
        #expect(throws: Never.self) { try small.validate(body: ["events": [event, event]], defaultSource: "t", now: Timestamp(rfc3339: "2026-12-01T00:00:00Z")!) }
    }

    @Test func issuesAreCapped() throws {
        let items = [JSONValue](repeating: 1, count: 150)
        do {
            _ = try validation.validate(body: ["events": .array(items)], defaultSource: "t", now: Timestamp(rfc3339: "2026-12-01T00:00:00Z")!)
            Issue.record("expected failure")
        } catch {
            #expect(error.issues.count == 101)
            #expect(error.issues[99] == ValidationIssue(path: "events[99]", message: "must be an object"))
            #expect(error.issues[100] == ValidationIssue(path: "", message: "too many problems; only the first 100 are listed"))
        }
    }

    @Test func messagesNeverEchoValues() throws {
        let secret = "Jane Doe 555-0100"
        var event = Self.received.objectValue!
        event["occurred_at"] = .string(secret)
        event["contact_id"] = .string(secret + "\u{7}")
        event["data"] = ["channel": .string(secret), "caller": ["age": .string(secret), "zip": .string(String(repeating: "9", count: 30))]]
        do {
            var badType = Self.received.objectValue!
            badType["type"] = .string(secret)
            _ = try validation.validate(body: ["events": [.object(event), .object(badType)]], defaultSource: "t", now: Timestamp(rfc3339: "2026-12-01T00:00:00Z")!)
            Issue.record("expected failure")
        } catch {
            #expect(error.issues.count == 6)
            for issue in error.issues {
                #expect(!issue.message.contains("Jane") && !issue.path.contains("Jane"))
                #expect(!issue.message.contains("999"))
            }
        }
    }
}
