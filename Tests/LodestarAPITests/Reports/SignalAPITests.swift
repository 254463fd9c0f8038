import Foundation
import JSON
import Testing

/// Live SPC signals (SPEC §7, §4) with two `lodestar serve` processes on one database sweeping
/// every second: the signal at the end of a watched chart is announced on the stream, and every
/// signal is announced exactly once, by one process, however many sweeps find it.
@Suite struct SignalAPITests {
    static let environment = ["LODESTAR_SIGNAL_SWEEP_SECONDS": "1", "LODESTAR_TOKEN_CACHE_SECONDS": "0"]
    static let sweeps = "lodestar_signal_sweeps_total{outcome=\"ok\"}"
    static let day: TimeInterval = 86_400

    /// The last UTC day whose contact figures are settled (an hour after its end), as midnight.
    static func lastSettledDay(_ now: Date) -> Date {
        let settledUntil = (now.timeIntervalSince1970 - 3600) / day
        return Date(timeIntervalSince1970: (settledUntil.rounded(.down) - 1) * day)
    }

    static func text(_ date: Date) -> String {
        ReportScenario.text(Int64(date.timeIntervalSince1970 * 1000))
    }

    /// 28 days of 17 contacts in the north, 15 answered within ten seconds each day but on the
    /// last day, when 3 are: one batch, so no sweep sees part of it.
    static func events(lastDay: Date) -> JSONValue {
        var events: [JSONValue] = []
        for offset in 0..<28 {
            let noon = lastDay.addingTimeInterval(Double(offset - 27) * day + 12 * 3600)
            for index in 0..<17 {
                let contact = "sig-\(offset)-\(index)"
                let received = noon.addingTimeInterval(Double(index) * 60)
                events.append(["event_id": .string("\(contact)-r"), "type": "contact.received", "contact_id": .string(contact),
                               "occurred_at": .string(text(received)), "data": ["channel": "call", "region": "north"]])
                if index < (offset == 27 ? 3 : 15) {
                    events.append(["event_id": .string("\(contact)-a"), "type": "contact.answered", "contact_id": .string(contact),
                                   "occurred_at": .string(text(received.addingTimeInterval(10)))])
                }
            }
        }
        return ["events": .array(events)]
    }

    @Test func twoProcessesAnnounceEachSignalOnce() async throws {
        // Not across the hour at which a day settles: the expected day would change mid-test.
        while (Date().timeIntervalSince1970 - 3600).truncatingRemainder(dividingBy: Self.day) > Self.day - 120 {
            try await Task.sleep(for: .seconds(5))
        }
        let lastDay = Self.lastSettledDay(Date())
        let database = try TestDatabase.create()
        let ingest = try LodestarBinary.createToken(role: "ingest", name: "center", database: database)
        let manager = try LodestarBinary.createToken(role: "manager", name: "quality", database: database)
        let servers = [try ServerProcess(database: database, extraEnvironment: Self.environment),
                       try ServerProcess(database: database, extraEnvironment: Self.environment)]
        let stream = try await EventStreamClient(port: servers[1].port, token: manager)
        #expect(stream.status == 200)
        let posted = try await servers[0].request("POST", "/v1/events", token: ingest, json: Self.events(lastDay: lastDay))
        #expect(posted.status == 200, "\(posted.text)")

        let expected = "SELECT count(*) FROM change_log WHERE kind = 'signal' AND body->>'indicator' = 'answer_rate' AND body->>'period' = 'day'"
        #expect(try await FollowUpOverdueAPITests.eventually(30) { try database.sql(expected) == "2" }, "the collapse was not announced")
        // Both processes sweep twice more: a second announcement of anything would show now.
        for server in servers {
            let before = try await FollowUpOverdueAPITests.metric(server, Self.sweeps) ?? 0
            #expect(try await FollowUpOverdueAPITests.eventually(30) { (try await FollowUpOverdueAPITests.metric(server, Self.sweeps) ?? 0) >= before + 2 })
        }

        let settledDay = Self.text(lastDay).prefix(10)
        let collapses = try database.sql("""
            SELECT string_agg(body->>'group' || ' ' || (body->>'rule') || ' ' || (body->>'kind') || ' ' || (body->>'period_start')
                              || ' ' || jsonb_array_length(body->'points'), ', ' ORDER BY body->>'group' COLLATE "C")
            FROM change_log WHERE kind = 'signal' AND body->>'indicator' = 'answer_rate' AND body->>'period' = 'day'
            """)
        #expect(collapses == "{\"region\": \"north\"} outside_limits concern \(settledDay) 1, {} outside_limits concern \(settledDay) 1")
        let signals = try database.sql("SELECT count(*) FROM change_log WHERE kind = 'signal'")
        #expect(try database.sql("SELECT count(*) FROM spc_signals") == signals)
        #expect(try database.sql("""
            SELECT count(*) FROM (SELECT 1 FROM change_log WHERE kind = 'signal'
                                  GROUP BY body->>'indicator', body->>'period', body->>'group', body->>'rule', body->>'kind', body->'points'->0
                                  HAVING count(*) > 1) AS twice
            """) == "0")
        var announced = 0
        for server in servers {
            announced += try await FollowUpOverdueAPITests.metric(server, "lodestar_spc_signals_announced_total") ?? -100
        }
        #expect(String(announced) == signals)

        // The stream carries them, with the chart's figures.
        let events = try await stream.events(within: 5).filter { $0.name == "signal" }
        #expect(String(events.count) == signals)
        let bodies = events.compactMap { try? JSON.parse(Array($0.data.utf8)) }
        let collapse = bodies.first { (body: JSONValue) -> Bool in
            body["indicator"]?.stringValue == "answer_rate" && body["period"]?.stringValue == "day" && body["group"] == .object([:])
        }
        #expect(collapse?["chart"] == "p")
        #expect(collapse?["tz"] == "UTC")
        #expect(collapse?["points"]?[0]?["n"] == 17)
        #expect(ReportComparison.close(collapse?["points"]?[0]?["value"]?.doubleValue, 3.0 / 17))
        #expect(ReportComparison.close(collapse?["centre"]?.doubleValue, Double(27 * 15 + 3) / Double(28 * 17)))
        #expect(collapse?["from"]?.stringValue == Self.text(lastDay.addingTimeInterval(-27 * Self.day)))
        #expect(collapse?["to"]?.stringValue == Self.text(lastDay.addingTimeInterval(Self.day)))
        #expect(servers.allSatisfy { $0.stop() == 0 })
    }
}
