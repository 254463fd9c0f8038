import Foundation
import JSON
import Testing
import Time

/// Follow-ups (SPEC §6) against the real binary and database: creation, attempts closing them,
/// conflicts, validation, lists, the contact view, roles, announcements and audit.
@Suite struct FollowUpAPITests {
    /// An RFC 3339 instant `seconds` from now.
    static func time(_ seconds: Double) -> String {
        Timestamp(microseconds: Int64((Date().timeIntervalSince1970 + seconds) * 1_000_000)).rfc3339
    }

    /// A contact with one event, so follow-ups may be made for it.
    static func contact(_ fixture: ServerFixture) async throws -> String {
        let contact = uniqueID("fu")
        let posted = try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"),
                                                      json: EventsAPITests.received("\(contact)-r", contact: contact))
        #expect(posted.status == 200)
        return contact
    }

    static func create(_ fixture: ServerFixture, _ body: JSONValue) async throws -> JSONValue {
        let response = try await fixture.server.request("POST", "/v1/follow-ups", token: fixture.token("dispatcher"), json: body)
        #expect(response.status == 201, "\(response.text)")
        return try #require(response.json)
    }

    static func attempt(_ fixture: ServerFixture, _ id: String, _ outcome: String, at: String? = nil) async throws -> APIResponse {
        var body: JSONValue = ["outcome": .string(outcome)]
        if let at { body = ["outcome": .string(outcome), "at": .string(at)] }
        return try await fixture.server.request("POST", "/v1/follow-ups/\(id)/attempts", token: fixture.token("dispatcher"), json: body)
    }

    static func paths(_ response: APIResponse) -> [String] {
        response.json?["errors"]?.arrayValue?.compactMap { $0["path"]?.stringValue } ?? []
    }

    @Test func aCreatedFollowUpIsOpenAndReadBackWithItsContact() async throws {
        let fixture = try await FixtureCache.events.get()
        let contact = try await Self.contact(fixture)
        let at = try #require(Timestamp(rfc3339: Self.time(-3600)))
        let created = try await Self.create(fixture, ["contact_id": .string(contact), "within": "PT24H", "at": .string(at.rfc3339)])
        let id = try #require(created["id"]?.stringValue)
        #expect(created == [
            "id": .string(id), "contact_id": .string(contact), "created_at": .string(at.rfc3339),
            "due_at": .string(at.adding(seconds: 86_400).rfc3339), "status": "open", "overdue": false,
            "attempts": [], "closed_at": .null,
        ])
        let read = try await fixture.server.request("GET", "/v1/follow-ups/\(id)", token: fixture.token("dispatcher"))
        #expect(read.status == 200)
        #expect(read.json == created)
        let view = try await fixture.server.request("GET", "/v1/contacts/\(contact)", token: fixture.token("dispatcher"))
        #expect(view.json?["follow_ups"] == [created])

        #expect(try fixture.database.sql("SELECT count(*) FROM change_log WHERE kind = 'follow_up' AND body->>'id' = '\(id)' AND body->>'change' = 'created'") == "1")
        #expect(try fixture.database.sql("SELECT count(*) FROM audit_log WHERE action = 'follow_up.create' AND resource = 'follow_up/\(id)' AND actor = 'test-dispatcher'") == "1")
        #expect(try fixture.database.sql("SELECT count(*) FROM audit_log WHERE action = 'follow_up.read' AND resource = 'follow_up/\(id)'") == "1")
    }

    @Test func threeUnsuccessfulAttemptsCloseItUnableToReach() async throws {
        let fixture = try await FixtureCache.events.get()
        let contact = try await Self.contact(fixture)
        let id = try #require(try await Self.create(fixture, ["contact_id": .string(contact), "within": "PT24H", "at": .string(Self.time(-3600))])["id"]?.stringValue)
        let first = try await Self.attempt(fixture, id, "no_answer", at: Self.time(-3000))
        #expect(first.status == 200)
        #expect(first.json?["status"] == "open")
        #expect(first.json?["attempts"]?.arrayValue?.count == 1)
        #expect(try await Self.attempt(fixture, id, "left_message", at: Self.time(-2000)).json?["status"] == "open")
        let third = try await Self.attempt(fixture, id, "wrong_number", at: Self.time(-1000))
        #expect(third.status == 200)
        #expect(third.json?["status"] == "unable_to_reach")
        #expect(third.json?["closed_at"] == third.json?["attempts"]?[2]?["at"])
        #expect(third.json?["attempts"]?.arrayValue?.compactMap { $0["outcome"]?.stringValue } == ["no_answer", "left_message", "wrong_number"])
        #expect(third.json?["overdue"] == false)

        let late = try await Self.attempt(fixture, id, "reached")
        #expect(late.status == 409)
        #expect(late.header("Content-Type") == "application/problem+json")
        let after = try await fixture.server.request("GET", "/v1/follow-ups/\(id)", token: fixture.token("dispatcher"))
        #expect(after.json == third.json)
        #expect(try fixture.database.sql("SELECT count(*) FROM change_log WHERE kind = 'follow_up' AND body->>'id' = '\(id)' AND body->>'change' = 'closed' AND body->>'status' = 'unable_to_reach'") == "1")
        #expect(try fixture.database.sql("SELECT count(*) FROM audit_log WHERE action = 'follow_up.attempt' AND resource = 'follow_up/\(id)'") == "3")
    }

    @Test func reachedAfterTheDueTimeIsCompletedLate() async throws {
        let fixture = try await FixtureCache.events.get()
        let contact = try await Self.contact(fixture)
        let created = try await Self.create(fixture, ["contact_id": .string(contact), "within": "PT1H", "at": .string(Self.time(-7200))])
        let id = try #require(created["id"]?.stringValue)
        // Past due and open: overdue as soon as it is read, before any sweep.
        #expect(created["overdue"] == true)
        let reachedAt = Self.time(-1800)
        let reached = try await Self.attempt(fixture, id, "reached", at: reachedAt)
        #expect(reached.status == 200)
        #expect(reached.json?["status"] == "completed")
        #expect(reached.json?["overdue"] == false)
        let closedAt = try #require(reached.json?["closed_at"]?.stringValue.flatMap { Timestamp(rfc3339: $0) })
        let dueAt = try #require(reached.json?["due_at"]?.stringValue.flatMap { Timestamp(rfc3339: $0) })
        #expect(closedAt == Timestamp(rfc3339: reachedAt))
        #expect(closedAt > dueAt)
        #expect(try await Self.attempt(fixture, id, "no_answer").status == 409)
    }

    @Test func declinedClosesItDeclined() async throws {
        let fixture = try await FixtureCache.events.get()
        let contact = try await Self.contact(fixture)
        let id = try #require(try await Self.create(fixture, ["contact_id": .string(contact), "due_at": .string(Self.time(86_400))])["id"]?.stringValue)
        let declined = try await Self.attempt(fixture, id, "declined")
        #expect(declined.json?["status"] == "declined")
        #expect(declined.json?["closed_at"]?.stringValue != nil)
        let again = try await Self.attempt(fixture, id, "declined")
        #expect(again.status == 409)
    }

    /// A follow-up entered when it is already due (`due_at` before its creation, `at` absent) is
    /// accepted, and overdue from the start.
    @Test func aFollowUpDueInThePastIsOverdueAtOnce() async throws {
        let fixture = try await FixtureCache.events.get()
        let contact = try await Self.contact(fixture)
        let due = Self.time(-3600)
        let response = try await fixture.server.request("POST", "/v1/follow-ups", token: fixture.token("dispatcher"),
                                                        json: ["contact_id": .string(contact), "due_at": .string(due)])
        #expect(response.status == 201, "\(response.text)")
        let id = try #require(response.json?["id"]?.stringValue)
        #expect(response.json?["due_at"] == .string(due))
        let read = try await fixture.server.request("GET", "/v1/follow-ups/\(id)", token: fixture.token("dispatcher"))
        #expect(read.json?["status"] == "open" && read.json?["overdue"] == true)
        let overdue = try await fixture.server.request("GET", "/v1/follow-ups?status=overdue&limit=1000", token: fixture.token("dispatcher"))
        #expect(overdue.json?["follow_ups"]?.arrayValue?.contains { $0["id"] == .string(id) } == true)
    }

    @Test func attemptsMayNotGoBackInTime() async throws {
        let fixture = try await FixtureCache.events.get()
        let contact = try await Self.contact(fixture)
        let id = try #require(try await Self.create(fixture, ["contact_id": .string(contact), "within": "PT4H", "at": .string(Self.time(-600))])["id"]?.stringValue)
        let beforeCreation = try await Self.attempt(fixture, id, "no_answer", at: Self.time(-700))
        #expect(beforeCreation.status == 422)
        #expect(Self.paths(beforeCreation) == ["at"])
        #expect(try await Self.attempt(fixture, id, "no_answer", at: Self.time(-300)).status == 200)
        let beforePrevious = try await Self.attempt(fixture, id, "reached", at: Self.time(-400))
        #expect(beforePrevious.status == 422)
        #expect(Self.paths(beforePrevious) == ["at"])
        let unchanged = try await fixture.server.request("GET", "/v1/follow-ups/\(id)", token: fixture.token("dispatcher"))
        #expect(unchanged.json?["attempts"]?.arrayValue?.count == 1)
        #expect(unchanged.json?["status"] == "open")
    }

    @Test func concurrentAttemptsApplyOneAfterTheOther() async throws {
        let fixture = try await FixtureCache.events.get()
        let contact = try await Self.contact(fixture)
        let id = try #require(try await Self.create(fixture, ["contact_id": .string(contact), "within": "PT4H", "at": .string(Self.time(-600))])["id"]?.stringValue)
        let at = Self.time(-60)
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { try await Self.attempt(fixture, id, "no_answer", at: at).status } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.sorted() == [200, 200, 200, 409, 409, 409, 409, 409])
        #expect(try fixture.database.sql("SELECT count(*) FROM follow_up_attempts WHERE follow_up_id = '\(id)'") == "3")
        #expect(try fixture.database.sql("SELECT count(*) FROM change_log WHERE body->>'id' = '\(id)' AND body->>'change' = 'closed'") == "1")
    }

    @Test func anUnknownContactOrFollowUpIs404() async throws {
        let fixture = try await FixtureCache.events.get()
        let dispatcher = fixture.token("dispatcher")
        let unknownContact = try await fixture.server.request("POST", "/v1/follow-ups", token: dispatcher,
                                                              json: ["contact_id": .string(uniqueID("nobody")), "within": "PT1H"])
        #expect(unknownContact.status == 404)
        for path in ["/v1/follow-ups/00000000-0000-4000-8000-000000000000", "/v1/follow-ups/not-a-uuid"] {
            #expect(try await fixture.server.request("GET", path, token: dispatcher).status == 404, "\(path)")
            let attempt = try await fixture.server.request("POST", path + "/attempts", token: dispatcher, json: ["outcome": "reached"])
            #expect(attempt.status == 404, "\(path)")
        }
    }

    @Test func invalidBodiesAre422NamingTheField() async throws {
        let fixture = try await FixtureCache.events.get()
        let contact = try await Self.contact(fixture)
        let cases: [(JSONValue, [String])] = [
            (["contact_id": .string(contact)], ["due_at", "within"]),
            (["contact_id": .string(contact), "within": "PT1H", "due_at": .string(Self.time(3600))], ["due_at", "within"]),
            (["contact_id": .string(contact), "due_at": "1969-12-31T23:59:59Z"], ["due_at"]),
            (["contact_id": .string(contact), "within": "P1M"], ["within"]),
            (["within": "PT1H"], ["contact_id"]),
            (["contact_id": .string(contact), "within": "PT1H", "at": "soon"], ["at"]),
        ]
        for (body, expected) in cases {
            let response = try await fixture.server.request("POST", "/v1/follow-ups", token: fixture.token("dispatcher"), json: body)
            #expect(response.status == 422, "\(body)")
            #expect(Self.paths(response) == expected, "\(body)")
        }
        let id = try #require(try await Self.create(fixture, ["contact_id": .string(contact), "within": "PT1H"])["id"]?.stringValue)
        let badOutcome = try await Self.attempt(fixture, id, "busy")
        #expect(badOutcome.status == 422)
        #expect(Self.paths(badOutcome) == ["outcome"])
        let notJSON = try await fixture.server.request("POST", "/v1/follow-ups/\(id)/attempts", token: fixture.token("dispatcher"), raw: "{")
        #expect(notJSON.status == 400)
    }

    @Test func listsAreByDueTimeAndFilterByStatusAndDueTime() async throws {
        let fixture = try await FixtureCache.events.get()
        let contact = try await Self.contact(fixture)
        // Due in a window of their own, far in the future, so other tests' follow-ups stay out.
        let base = Timestamp(rfc3339: "2090-01-01T00:00:00Z")!
        func due(_ hours: Int64) -> String { base.adding(seconds: hours * 3600).rfc3339 }
        var ids: [String] = []
        for hours in [3, 1, 2] as [Int64] {
            ids.append(try #require(try await Self.create(fixture, ["contact_id": .string(contact), "due_at": .string(due(hours))])["id"]?.stringValue))
        }
        _ = try await Self.attempt(fixture, ids[2], "reached")
        let window = "due_before=\(due(10).replacingOccurrences(of: "+", with: "%2B"))"
        func list(_ query: String) async throws -> [String] {
            let response = try await fixture.server.request("GET", "/v1/follow-ups?\(query)", token: fixture.token("dispatcher"))
            #expect(response.status == 200, "\(query): \(response.text)")
            return (response.json?["follow_ups"]?.arrayValue ?? []).compactMap { item in
                guard item["due_at"]?.stringValue.flatMap({ Timestamp(rfc3339: $0) }).map({ $0 >= base }) == true else { return nil }
                return item["id"]?.stringValue
            }
        }
        #expect(try await list(window + "&limit=1000") == [ids[1], ids[2], ids[0]])
        #expect(try await list(window + "&status=open&limit=1000") == [ids[1], ids[0]])
        #expect(try await list(window + "&status=closed&limit=1000") == [ids[2]])
        #expect(try await list(window + "&status=overdue&limit=1000") == [])
        #expect(try await list("due_before=\(due(2))&status=open&limit=1000") == [ids[1]])

        let overdue = try await fixture.server.request("GET", "/v1/follow-ups?status=overdue", token: fixture.token("dispatcher"))
        for item in overdue.json?["follow_ups"]?.arrayValue ?? [] {
            #expect(item["overdue"] == true && item["status"] == "open")
        }
        #expect(try fixture.database.sql("SELECT count(*) FROM audit_log WHERE action = 'follow_up.list' AND actor = 'test-dispatcher' AND detail->'follow_ups' ? '\(ids[1])'") != "0")
    }

    @Test(arguments: ["status=late", "limit=0", "limit=1001", "due_before=tomorrow", "status=open&status=closed", "contact_id=x"])
    func badListParametersAre422NamingThem(_ query: String) async throws {
        let fixture = try await FixtureCache.events.get()
        let response = try await fixture.server.request("GET", "/v1/follow-ups?\(query)", token: fixture.token("dispatcher"))
        #expect(response.status == 422)
        let name = String(query.prefix { $0 != "=" })
        #expect(Self.paths(response) == [name])
    }

    @Test func everyFollowUpRouteNeedsADispatcher() async throws {
        let fixture = try await FixtureCache.events.get()
        let routes: [(String, String)] = [
            ("POST", "/v1/follow-ups"), ("GET", "/v1/follow-ups"),
            ("GET", "/v1/follow-ups/00000000-0000-4000-8000-000000000000"),
            ("POST", "/v1/follow-ups/00000000-0000-4000-8000-000000000000/attempts"),
        ]
        for (method, path) in routes {
            let body: JSONValue? = method == "POST" ? [:] : nil
            #expect(try await fixture.server.request(method, path, json: body).status == 401, "\(method) \(path)")
            #expect(try await fixture.server.request(method, path, token: "lsk_unknown", json: body).status == 401, "\(method) \(path)")
            for role in ["ingest", "manager"] {
                #expect(try await fixture.server.request(method, path, token: fixture.token(role), json: body).status == 403, "\(role) \(method) \(path)")
            }
            for role in ["dispatcher", "admin"] {
                let status = try await fixture.server.request(method, path, token: fixture.token(role), json: body).status
                #expect(status != 401 && status != 403, "\(role) \(method) \(path)")
            }
        }
    }
}
