import Foundation
import JSON
import Testing

/// What a careless integrator or an attacker can send to `POST /v1/events` and
/// `GET /v1/contacts/{id}`: conflicting retries, unbounded contacts, edge values; each is a 4xx
/// that stores nothing, never a 500.
@Suite struct IngestHardeningAPITests {
    static func event(_ id: String, contact: String, type: String = "contact.answered",
                      at time: String = "2026-11-26T16:43:04.120Z", data: JSONValue? = nil) -> JSONValue {
        var event: JSONValue = ["event_id": .string(id), "type": .string(type), "contact_id": .string(contact), "occurred_at": .string(time)]
        if let data, case .object(var object) = event { object.set("data", data); event = .object(object) }
        return event
    }

    static func paths(_ response: APIResponse) -> [String] {
        response.json?["errors"]?.arrayValue?.compactMap { $0["path"]?.stringValue } ?? []
    }

    @Test func aConflictingRetryIs409NamingTheEventAndItsFieldsAndStoresNothing() async throws {
        let fixture = try await FixtureCache.events.get()
        let contact = uniqueID("c")
        let original = EventsAPITests.received("\(contact)-1", contact: contact)
        #expect(try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"), json: original).status == 200)

        let changed = EventsAPITests.received("\(contact)-1", contact: contact, at: "2026-11-26T16:50:00Z", channel: "chat")
        let response = try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"),
                                                        json: ["events": [Self.event("\(contact)-2", contact: contact), changed]])
        #expect(response.status == 409)
        #expect(response.header("Content-Type") == "application/problem+json")
        // One error per conflicting event, at the event's path; the message names the fields.
        #expect(Self.paths(response) == ["events[1]"])
        #expect(response.json?["errors"]?[0]?["message"]?.stringValue?.hasPrefix("differs (occurred_at, data)") == true)
        #expect(try fixture.database.sql("SELECT count(*) FROM contact_events WHERE contact_id = '\(contact)'") == "1")

        // The same content is still a duplicate, however its members are ordered.
        let reordered: JSONValue = ["data": ["caller": ["age": 34], "region": "north", "channel": "call"],
                                    "occurred_at": "2026-11-26T16:43:04.120Z", "contact_id": .string(contact),
                                    "type": "contact.received", "event_id": .string("\(contact)-1")]
        let retry = try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"), json: reordered)
        #expect(retry.json?["duplicates"] == 1)
    }

    @Test func aConflictWithinOneBatchIs409() async throws {
        let fixture = try await FixtureCache.events.get()
        let contact = uniqueID("c")
        let first = Self.event("\(contact)-1", contact: contact)
        let other = Self.event("\(contact)-1", contact: uniqueID("elsewhere"))
        let response = try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"), json: ["events": [first, other]])
        #expect(response.status == 409)
        #expect(Self.paths(response) == ["events[1]"])
        #expect(try fixture.database.sql("SELECT count(*) FROM contact_events WHERE contact_id = '\(contact)'") == "0")
    }

    @Test func aContactBeyondItsEventCapIsRefusedNamingTheEvent() async throws {
        let fixture = try await FixtureCache.smallContacts.get()
        let contact = uniqueID("c")
        let events = (1...2).map { Self.event("\(contact)-\($0)", contact: contact, at: "2026-11-26T16:43:0\($0)Z") }
        #expect(try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"), json: ["events": .array(events)]).status == 200)
        let more = (3...4).map { Self.event("\(contact)-\($0)", contact: contact, at: "2026-11-26T16:43:0\($0)Z") }
        let response = try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"), json: ["events": .array(more)])
        #expect(response.status == 422)
        #expect(Self.paths(response) == ["events[1]"])
        #expect(try fixture.database.sql("SELECT count(*) || ',' || max(c.event_count) FROM contact_events e JOIN contacts c USING (contact_id) WHERE contact_id = '\(contact)'") == "2,2")
        // A duplicate costs nothing, so it is still answered at the cap.
        let retry = try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"), json: ["events": .array(events)])
        #expect(retry.json?["duplicates"] == 2)
    }

    @Test func theTimelineIsPagedInOrderWithNext() async throws {
        let fixture = try await FixtureCache.events.get()
        let contact = uniqueID("c")
        // Posted in reverse; two events share an instant and are ordered by lifecycle.
        var events: [JSONValue] = (0..<6).map { Self.event("\(contact)-\($0)", contact: contact, at: "2026-11-26T16:4\($0):00Z") }
        events.append(EventsAPITests.received("\(contact)-r", contact: contact, at: "2026-11-26T16:40:00Z"))
        _ = try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"), json: ["events": .array(events.reversed())])

        var ids: [String] = []
        var next: String? = "/v1/contacts/\(contact)?timeline_limit=3"
        var pages = 0
        while let path = next, pages < 5 {
            let page = try await fixture.server.request("GET", path, token: fixture.token("dispatcher"))
            #expect(page.status == 200)
            #expect(page.json?["state"]?["event_count"] == 7)
            ids += page.json?["timeline"]?.arrayValue?.compactMap { $0["event_id"]?.stringValue } ?? []
            next = page.json?["next"]?.stringValue
            pages += 1
        }
        #expect(pages == 3)
        #expect(ids == ["\(contact)-r"] + (0..<6).map { "\(contact)-\($0)" })

        let bad = try await fixture.server.request("GET", "/v1/contacts/\(contact)?timeline_limit=0", token: fixture.token("dispatcher"))
        #expect(bad.status == 422)
        #expect(Self.paths(bad) == ["timeline_limit"])
        let forged = try await fixture.server.request("GET", "/v1/contacts/\(contact)?after=zz", token: fixture.token("dispatcher"))
        #expect(Self.paths(forged) == ["after"])
    }

    /// An event stored before a stricter rule (here: a member no schema knows, and a contact
    /// written before folds were stored) still reads, and the contact still takes new events.
    @Test func storedEventsAreTrustedWhateverTodaysRules() async throws {
        let fixture = try await FixtureCache.events.get()
        let contact = uniqueID("legacy")
        try fixture.database.sql("""
            INSERT INTO contact_events (source, event_id, contact_id, type, occurred_at, body, data_digest)
            VALUES ('test-ingest', '\(contact)-r', '\(contact)', 'contact.received', '2026-11-26T10:00:00Z',
                    '{"event_id": "\(contact)-r", "type": "contact.received", "contact_id": "\(contact)",
                      "occurred_at": "2026-11-26T10:00:00Z", "data": {"channel": "text", "mood": "calm", "line": "988"}}',
                    lodestar_data_digest('{"channel": "text", "mood": "calm", "line": "988"}'));
            INSERT INTO contacts (contact_id, event_count) VALUES ('\(contact)', 1);
            """)
        let read = try await fixture.server.request("GET", "/v1/contacts/\(contact)", token: fixture.token("manager"))
        #expect(read.status == 200)
        #expect(read.json?["state"]?["channel"] == "text")
        #expect(read.json?["state"]?["line"] == "988")

        let answered = Self.event("\(contact)-a", contact: contact, at: "2026-11-26T10:00:09Z")
        #expect(try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"), json: answered).status == 200)
        let after = try await fixture.server.request("GET", "/v1/contacts/\(contact)", token: fixture.token("manager"))
        #expect(after.json?["state"]?["channel"] == "text")
        #expect(after.json?["state"]?["answered_at"] == "2026-11-26T10:00:09.000Z")
        #expect(after.json?["state"]?["event_count"] == 2)
    }

    /// Every edge value is answered 200 or 4xx, as the table says; none reaches PostgreSQL
    /// in a form it refuses (500) or reads back changed.
    @Test(arguments: [
        ("0000-01-01T00:00:00Z", 422), ("0001-01-01T00:00:00Z", 422), ("1969-12-31T23:59:59.999Z", 422),
        ("1970-01-01T00:00:00Z", 200), ("9999-12-31T23:59:59-23:59", 422), ("9999-12-31T23:59:59Z", 422),
        ("2026-11-26T16:43:04+23:59", 200), ("2026-11-26T16:43:04-23:59", 200), ("2026-11-26T16:43:60Z", 422),
        ("2016-12-31T23:59:60Z", 422), ("2026-11-26T16:43:04+24:00", 422),
    ])
    func occurredAtEdges(time: String, status: Int) async throws {
        let fixture = try await FixtureCache.events.get()
        let contact = uniqueID("t")
        let response = try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"),
                                                        json: Self.event("\(contact)-1", contact: contact, at: time))
        #expect(response.status == status)
        if status == 422 { #expect(Self.paths(response) == ["occurred_at"]) }
        if status == 200 {
            let stored = try fixture.database.sql("SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY') FROM contact_events WHERE contact_id = '\(contact)'")
            #expect(stored == String(time.prefix(4)) || stored == "2026")
        }
    }

    @Test func identifierEdges() async throws {
        let fixture = try await FixtureCache.events.get()
        let long200 = uniqueID("i") + String(repeating: "x", count: 200 - uniqueID("i").count)
        let cases: [(String, Int)] = [
            ("ok-" + uniqueID("i"), 200), (long200, 200), (long200 + "y", 422), ("nul\u{0}id", 422), ("tab\tid", 422),
            ("", 422), ("del\u{7F}", 422),
        ]
        for (id, status) in cases {
            let response = try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"),
                                                            json: Self.event(uniqueID("e"), contact: id))
            #expect(response.status == status, "contact id of \(id.unicodeScalars.count) scalars")
        }
        // A lone surrogate is not text: the body is not JSON.
        let surrogate = try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"),
            raw: #"{"event_id": "x", "type": "contact.answered", "contact_id": "\ud800", "occurred_at": "2026-11-26T16:43:04Z"}"#)
        #expect(surrogate.status == 400 || surrogate.status == 422)

        for path in ["/v1/contacts/nul%00id", "/v1/contacts/" + long200 + "y", "/v1/contacts/%7F"] {
            let response = try await fixture.server.request("GET", path, token: fixture.token("manager"))
            #expect(response.status == 404)
        }
    }
}

/// A token posts for its own source and the sources granted to it, never another's (SPEC §3).
@Suite struct SourceBindingAPITests {
    @Test func aSpoofedSourceIs403AndStoresNothing() async throws {
        let fixture = try await FixtureCache.events.get()
        let contact = uniqueID("c")
        let spoofed: JSONValue = ["event_id": .string("\(contact)-1"), "source": "center-b", "type": "contact.answered",
                                  "contact_id": .string(contact), "occurred_at": "2026-11-26T16:43:04Z"]
        let own: JSONValue = ["event_id": .string("\(contact)-2"), "source": "test-ingest", "type": "contact.answered",
                              "contact_id": .string(contact), "occurred_at": "2026-11-26T16:43:04Z"]
        let response = try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"), json: ["events": [own, spoofed]])
        #expect(response.status == 403)
        #expect(IngestHardeningAPITests.paths(response) == ["events[1].source"])
        #expect(try fixture.database.sql("SELECT count(*) FROM contact_events WHERE contact_id = '\(contact)'") == "0")
    }

    @Test func aGrantedSourceIsAccepted() async throws {
        let fixture = try await FixtureCache.events.get()
        let token = try LodestarBinary.createToken(role: "ingest", name: uniqueID("relay"), database: fixture.database,
                                                   extraArguments: ["--source", "center-b", "--source", "center-c"])
        let contact = uniqueID("c")
        let events: JSONValue = ["events": .array(["center-b", "center-c"].map { source in
            ["event_id": .string("\(contact)-\(source)"), "source": .string(source), "type": "contact.answered",
             "contact_id": .string(contact), "occurred_at": "2026-11-26T16:43:04Z"]
        })]
        let response = try await fixture.server.request("POST", "/v1/events", token: token, json: events)
        #expect(response.status == 200)
        #expect(response.json?["accepted"] == 2)
        let other = try await fixture.server.request("POST", "/v1/events", token: token, json: [
            "event_id": .string("\(contact)-d"), "source": "center-d", "type": "contact.answered",
            "contact_id": .string(contact), "occurred_at": "2026-11-26T16:43:04Z"])
        #expect(other.status == 403)
        #expect(IngestHardeningAPITests.paths(other) == ["source"])
    }
}
