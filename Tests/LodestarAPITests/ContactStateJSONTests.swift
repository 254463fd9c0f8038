import JSON
import LodestarCore
@testable import LodestarAPI
import Testing
import Time

@Suite struct ContactStateJSONTests {
    @Test func fullShapeWhenEmpty() {
        let expected: JSONValue = [
            "channel": .null, "line": .null, "region": .null, "language": .null, "caller": .null,
            "location": .null, "received_at": .null, "answered_at": .null, "abandoned_at": .null,
            "abandoned": false, "transferred_to": .null, "transferred_at": .null, "risk_level": .null,
            "flags": [], "consent_follow_up": true, "assessed_at": .null, "closed_at": .null,
            "disposition": .null, "event_count": 0,
        ]
        #expect(ContactState().json == expected)
    }

    @Test func populated() throws {
        let body: JSONValue = ["events": [
            ["event_id": "1", "type": "contact.received", "contact_id": "c", "occurred_at": "2026-11-26T16:43:04.120Z",
             "data": ["channel": "chat", "line": "youth", "caller": ["age": 15]]],
            ["event_id": "2", "type": "contact.abandoned", "contact_id": "c", "occurred_at": "2026-11-26T16:44:00.000001Z"],
            ["event_id": "3", "type": "contact.assessed", "contact_id": "c", "occurred_at": "2026-11-26T11:50:00-05:00",
             "data": ["risk_level": "imminent", "flags": ["youth", "attempt_in_progress"], "location": ["lat": 41.5, "lon": -87]]],
            ["event_id": "4", "type": "contact.closed", "contact_id": "c", "occurred_at": "2026-11-26T17:00:00Z",
             "data": ["disposition": "emergency"]],
        ]]
        let events = try EventValidation().validate(body: body, defaultSource: "t", now: Timestamp(rfc3339: "2026-12-01T00:00:00Z")!)
        let expected: JSONValue = [
            "channel": "chat", "line": "youth", "region": .null, "language": "en",
            "caller": ["age": 15, "gender": .null, "race_ethnicity": .null, "zip": .null],
            "location": ["lat": 41.5, "lon": -87.0], "received_at": "2026-11-26T16:43:04.120Z", "answered_at": .null,
            "abandoned_at": "2026-11-26T16:44:00.000001Z", "abandoned": true, "transferred_to": .null,
            "transferred_at": .null, "risk_level": "imminent", "flags": ["attempt_in_progress", "youth"],
            "consent_follow_up": true, "assessed_at": "2026-11-26T16:50:00.000Z",
            "closed_at": "2026-11-26T17:00:00.000Z", "disposition": "emergency", "event_count": 4,
        ]
        #expect(ContactState.derive(from: events).json == expected)
    }
}
