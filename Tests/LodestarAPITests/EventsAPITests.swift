import Foundation
import JSON
import Testing

/// `POST /v1/events` and `GET /v1/contacts/{id}` against the real binary and database.
@Suite struct EventsAPITests {
    static func received(_ eventID: String, contact: String, at time: String = "2026-11-26T16:43:04.120Z", channel: String = "call") -> JSONValue {
        ["event_id": .string(eventID), "type": "contact.received", "contact_id": .string(contact), "occurred_at": .string(time),
         "data": ["channel": .string(channel), "region": "north", "caller": ["age": 34]]]
    }

    @Test func anEventIsAcceptedOnceAndItsRetryIsADuplicate() async throws {
        let fixture = try await FixtureCache.events.get()
        let contact = uniqueID("c")
        let event = Self.received("\(contact)-1", contact: contact)
        let first = try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"), json: event)
        #expect(first.status == 200)
        #expect(first.json == ["accepted": 1, "duplicates": 0, "results": [["event_id": .string("\(contact)-1"), "status": "accepted"]]])
        let retry = try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"), json: ["events": [event]])
        #expect(retry.json == ["accepted": 0, "duplicates": 1, "results": [["event_id": .string("\(contact)-1"), "status": "duplicate"]]])
        #expect(try fixture.database.sql("SELECT count(*) FROM contact_events WHERE contact_id = '\(contact)'") == "1")
    }

    /// JSON has one number type: a retry written by another serialiser (`-93.0` for `-93`,
    /// `4e1` for `40`) is the same content, a duplicate; and a whole number is an integer.
    @Test func aRetryWithNumbersWrittenAnotherWayIsADuplicate() async throws {
        let fixture = try await FixtureCache.events.get()
        let contact = uniqueID("c")
        func event(_ lon: String, _ age: String) -> String {
            """
            {"event_id": "\(contact)-1", "type": "contact.received", "contact_id": "\(contact)", "occurred_at": "2026-11-26T16:43:04Z",
             "data": {"channel": "call", "caller": {"age": \(age)}, "location": {"lat": 45.1, "lon": \(lon)}}}
            """
        }
        let first = try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"), raw: event("-93.0", "4e1"))
        #expect(first.json?["accepted"] == 1)
        let retry = try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"), raw: event("-93", "40"))
        #expect(retry.status == 200)
        #expect(retry.json?["duplicates"] == 1)
        let view = try await fixture.server.request("GET", "/v1/contacts/\(contact)", token: fixture.token("manager"))
        #expect(view.json?["state"]?["caller"]?["age"] == 40)
    }

    @Test func aRepeatWithinOneBatchIsADuplicate() async throws {
        let fixture = try await FixtureCache.events.get()
        let contact = uniqueID("c")
        let event = Self.received("\(contact)-1", contact: contact)
        let response = try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"), json: ["events": [event, event]])
        #expect(response.json?["accepted"] == 1)
        #expect(response.json?["duplicates"] == 1)
        #expect(response.json?["results"]?[1]?["status"] == "duplicate")
    }

    @Test func oneInvalidEventRejectsTheWholeBatchAndStoresNothing() async throws {
        let fixture = try await FixtureCache.events.get()
        let contact = uniqueID("c")
        let bad: JSONValue = ["event_id": "x", "type": "contact.received", "contact_id": .string(contact),
                              "occurred_at": "2026-11-26T16:43:04Z", "data": ["channel": "fax"]]
        let response = try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"),
                                                        json: ["events": [Self.received("\(contact)-ok", contact: contact), bad]])
        #expect(response.status == 422)
        #expect(response.header("Content-Type") == "application/problem+json")
        let paths = response.json?["errors"]?.arrayValue?.compactMap { $0["path"]?.stringValue }
        #expect(paths == ["events[1].data.channel"])
        #expect(try fixture.database.sql("SELECT count(*) FROM contact_events WHERE contact_id = '\(contact)'") == "0")
    }

    @Test func aBodyThatIsNotJSONIs400() async throws {
        let fixture = try await FixtureCache.events.get()
        let response = try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"), raw: "{not json")
        #expect(response.status == 400)
        #expect(response.json?["status"] == 400)
    }

    @Test func shuffledDeliveryGivesTheStateOfOrderedDelivery() async throws {
        let fixture = try await FixtureCache.events.get()
        func events(_ contact: String) -> [JSONValue] {
            [
                Self.received("\(contact)-r", contact: contact, at: "2026-11-26T10:00:00Z", channel: "text"),
                ["event_id": .string("\(contact)-a"), "type": "contact.answered", "contact_id": .string(contact), "occurred_at": "2026-11-26T10:00:20Z"],
                ["event_id": .string("\(contact)-s1"), "type": "contact.assessed", "contact_id": .string(contact), "occurred_at": "2026-11-26T10:05:00Z",
                 "data": ["risk_level": "high", "flags": ["youth"], "region": "south"]],
                ["event_id": .string("\(contact)-s2"), "type": "contact.assessed", "contact_id": .string(contact), "occurred_at": "2026-11-26T10:09:00Z",
                 "data": ["risk_level": "moderate", "consent_follow_up": false]],
                ["event_id": .string("\(contact)-c"), "type": "contact.closed", "contact_id": .string(contact), "occurred_at": "2026-11-26T10:20:00Z",
                 "data": ["disposition": "referred"]],
            ]
        }
        let ordered = uniqueID("ordered"), shuffled = uniqueID("shuffled")
        for event in events(ordered) {
            _ = try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"), json: event)
        }
        for event in events(shuffled).reversed() {
            _ = try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"), json: event)
        }
        let a = try await fixture.server.request("GET", "/v1/contacts/\(ordered)", token: fixture.token("dispatcher"))
        let b = try await fixture.server.request("GET", "/v1/contacts/\(shuffled)", token: fixture.token("dispatcher"))
        #expect(a.status == 200 && b.status == 200)
        #expect(a.json?["state"] == b.json?["state"])
        #expect(a.json?["state"]?["risk_level"] == "moderate")
        #expect(a.json?["state"]?["region"] == "south")
        #expect(a.json?["state"]?["disposition"] == "referred")
        let types = b.json?["timeline"]?.arrayValue?.compactMap { $0["type"]?.stringValue }
        #expect(types == ["contact.received", "contact.answered", "contact.assessed", "contact.assessed", "contact.closed"])
        // The stored contact row (what reports read) agrees with the derived state.
        #expect(try fixture.database.sql("SELECT risk_level || ',' || region || ',' || event_count FROM contacts WHERE contact_id = '\(shuffled)'") == "moderate,south,5")
    }

    /// Two processes sharing the database create the same new contacts at the same moment, one
    /// event each: both events end up in every contact's derived state (no lost update).
    @Test func concurrentPostsThroughTwoProcessesLoseNoEvent() async throws {
        let fixture = try await FixtureCache.events.get()
        let second = try ServerProcess(database: fixture.database, extraEnvironment: ["LODESTAR_TOKEN_CACHE_SECONDS": "0"])
        let contacts = (0..<40).map { _ in uniqueID("shared") }
        try await withThrowingTaskGroup(of: Int.self) { group in
            for contact in contacts {
                let answered: JSONValue = ["event_id": .string("\(contact)-a"), "type": "contact.answered",
                                           "contact_id": .string(contact), "occurred_at": "2026-11-26T16:44:10Z"]
                group.addTask { try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"), json: Self.received("\(contact)-r", contact: contact)).status }
                group.addTask { try await second.request("POST", "/v1/events", token: fixture.token("ingest"), json: answered).status }
            }
            for try await status in group { #expect(status == 200) }
        }
        let complete = try fixture.database.sql("""
            SELECT count(*) FROM contacts WHERE contact_id LIKE 'shared-%' AND event_count = 2
            AND received_at IS NOT NULL AND answered_at IS NOT NULL AND contact_id IN (\(contacts.map { "'\($0)'" }.joined(separator: ",")))
            """)
        #expect(complete == "40")
        #expect(second.stop() == 0)
    }

    @Test func anUnknownContactIs404() async throws {
        let fixture = try await FixtureCache.events.get()
        let response = try await fixture.server.request("GET", "/v1/contacts/\(uniqueID("nobody"))", token: fixture.token("manager"))
        #expect(response.status == 404)
    }
}
