import Foundation
import JSON
import Testing
import Time

/// Overdue follow-ups (SPEC §6) with two `lodestar serve` processes on one database, sweeping
/// every second: each overdue follow-up is flagged and announced exactly once, counted in
/// `/metrics`, and closed or not-yet-due ones are left alone.
@Suite struct FollowUpOverdueAPITests {
    static let environment = ["LODESTAR_FOLLOW_UP_SWEEP_SECONDS": "1", "LODESTAR_TOKEN_CACHE_SECONDS": "0"]

    /// The value of the metric line that starts with `series` (name and labels).
    static func metric(_ server: ServerProcess, _ series: String) async throws -> Int? {
        let text = try await server.request("GET", "/metrics").text
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Int(line.dropFirst(series.count + 1))
        }
        return nil
    }

    static let sweeps = "lodestar_follow_up_sweeps_total{outcome=\"ok\"}"

    /// The server's follow-up metric lines, to say in a failure what its sweeps were doing.
    static func followUpMetrics(_ server: ServerProcess) async -> String {
        guard let text = try? await server.request("GET", "/metrics").text else { return "no /metrics" }
        return text.split(separator: "\n").filter { $0.hasPrefix("lodestar_follow_up") }.joined(separator: "; ")
    }

    /// Polls `condition` until it holds or `seconds` pass (a real server's timer: no clock to drive).
    static func eventually(_ seconds: Double, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await condition()
    }

    @Test func twoProcessesFlagAndAnnounceEachOverdueFollowUpOnce() async throws {
        let database = try TestDatabase.create()
        let ingest = try LodestarBinary.createToken(role: "ingest", name: "center", database: database)
        let dispatcher = try LodestarBinary.createToken(role: "dispatcher", name: "desk", database: database)
        let servers = [try ServerProcess(database: database, extraEnvironment: Self.environment),
                       try ServerProcess(database: database, extraEnvironment: Self.environment)]
        let contact = uniqueID("overdue")
        let posted = try await servers[0].request("POST", "/v1/events", token: ingest, json: EventsAPITests.received("\(contact)-r", contact: contact))
        #expect(posted.status == 200)

        let start = Date()
        let created = FollowUpAPITests.time(0)
        let due = FollowUpAPITests.time(3)
        // Closed before it falls due: never overdue. Its due time leaves a busy machine (the
        // whole suite runs at once) ample time for the two posts that create and close it.
        let closedDue = start.addingTimeInterval(12)
        let closing = try await servers[1].request("POST", "/v1/follow-ups", token: dispatcher,
                                                   json: ["contact_id": .string(contact), "at": .string(created), "within": "PT12S"])
        let closedID = try #require(closing.json?["id"]?.stringValue)
        let reached = try await servers[1].request("POST", "/v1/follow-ups/\(closedID)/attempts", token: dispatcher, json: ["outcome": "reached"])
        #expect(reached.json?["status"] == "completed")

        // All created at one instant and due a few seconds after it, so both processes find
        // them due together (however long the posts take on a busy machine).
        var overdue: [String] = []
        for index in 0..<20 {
            let response = try await servers[index % 2].request("POST", "/v1/follow-ups", token: dispatcher, json: [
                "contact_id": .string(contact), "at": .string(created), "due_at": .string(due),
            ])
            #expect(response.status == 201)
            overdue.append(try #require(response.json?["id"]?.stringValue))
        }
        let notDue = try await servers[0].request("POST", "/v1/follow-ups", token: dispatcher, json: ["contact_id": .string(contact), "within": "PT1H"])
        let notDueID = try #require(notDue.json?["id"]?.stringValue)

        let announced = "SELECT count(*) FROM change_log WHERE kind = 'follow_up' AND body->>'change' = 'overdue'"
        if !(try await Self.eventually(30) { try database.sql(announced) == "20" }) {
            let state = "\(await Self.followUpMetrics(servers[0])) | \(await Self.followUpMetrics(servers[1]))"
            Issue.record("announced \(try database.sql(announced)) of 20 overdue follow-ups: \(state)")
        }
        // Let both processes sweep twice more after the closed one's due time: a second flag of
        // anything would show now.
        while Date() < closedDue { try await Task.sleep(for: .milliseconds(100)) }
        for server in servers {
            let before = try await Self.metric(server, Self.sweeps) ?? 0
            if !(try await Self.eventually(30) { (try await Self.metric(server, Self.sweeps) ?? 0) >= before + 2 }) {
                Issue.record("no two more sweeps after \(before) in 30 s: \(await Self.followUpMetrics(server))")
            }
        }

        #expect(try database.sql(announced) == "20")
        let perFollowUp = try database.sql("""
            SELECT string_agg(id || ':' || n, ',' ORDER BY id) FROM (
                SELECT body->>'id' AS id, count(*) AS n FROM change_log
                WHERE kind = 'follow_up' AND body->>'change' = 'overdue' GROUP BY 1) AS c
            """)
        #expect(perFollowUp == overdue.sorted().map { "\($0):1" }.joined(separator: ","))
        #expect(try database.sql("SELECT count(*) FROM change_log WHERE body->>'change' = 'overdue' AND (body->>'overdue')::boolean AND body->>'status' = 'open'") == "20")
        #expect(try database.sql("SELECT count(*) FROM follow_ups WHERE overdue_at IS NOT NULL") == "20")
        #expect(try database.sql("SELECT count(*) FROM follow_ups WHERE overdue_at <= due_at") == "0")
        #expect(try database.sql("SELECT coalesce(sum(jsonb_array_length(detail->'follow_ups')), 0) FROM audit_log WHERE action = 'follow_up.overdue'") == "20")

        var flagged = 0
        for server in servers {
            flagged += try await Self.metric(server, "lodestar_follow_ups_flagged_overdue_total") ?? -100
            #expect(try await Self.metric(server, "lodestar_follow_ups_overdue_open") == 20)
        }
        #expect(flagged == 20)

        let list = try await servers[1].request("GET", "/v1/follow-ups?status=overdue", token: dispatcher)
        #expect(Set(list.json?["follow_ups"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []) == Set(overdue))
        let open = try await servers[0].request("GET", "/v1/follow-ups?status=open", token: dispatcher)
        #expect(open.json?["follow_ups"]?.arrayValue?.last?["id"]?.stringValue == notDueID)
        #expect(open.json?["follow_ups"]?.arrayValue?.count == 21)
        #expect(servers.allSatisfy { $0.stop() == 0 })
    }
}
