import Foundation

/// One server with its own database holding one generated scenario, posted once per test
/// process and shared by the report suites (which only read it).
actor ReportScenarioFixture {
    static let shared = ReportScenarioFixture()
    /// Fixed, so a failure replays; change it to try another scenario.
    static let seed: UInt64 = 20_261_101
    static let contacts = 480

    private var setUp: Task<(ServerFixture, ReportScenario), any Error>?

    func get() async throws -> (fixture: ServerFixture, scenario: ReportScenario) {
        if let setUp { return try await setUp.value }
        let task = Task {
            let fixture = try await ServerFixture.started(extraEnvironment: [
                "LODESTAR_ANSWER_TARGET_SECONDS": String(ReportScenario.answerTargetSeconds), "LODESTAR_TOKEN_CACHE_SECONDS": "0",
            ])
            var scenario = ReportScenario.generate(count: Self.contacts, seed: Self.seed, prefix: "rs")
            try await scenario.post(to: fixture, seed: Self.seed)
            return (fixture, scenario)
        }
        setUp = task
        return try await task.value
    }
}

/// A report query the tests send, with the rows they expect for it.
struct ReportCase: Sendable, CustomStringConvertible {
    var groupBy: [String]
    var timeZone: String?
    var from: String
    var to: String

    var description: String { "group_by=\(groupBy.joined(separator: ",")) tz=\(timeZone ?? "-")" }

    /// The query string, `+` escaped.
    func query(_ extra: String = "") -> String {
        var query = "from=\(escape(from))&to=\(escape(to))"
        if !groupBy.isEmpty { query += "&group_by=\(groupBy.joined(separator: ","))" }
        if let timeZone { query += "&tz=\(timeZone)" }
        return query + extra
    }

    var expected: ExpectedReport {
        ExpectedReport(groupBy: groupBy, timeZone: timeZone ?? "UTC", from: ReportScenario.ms(from), to: ReportScenario.ms(to))
    }

    private func escape(_ text: String) -> String { text.replacingOccurrences(of: "+", with: "%2B") }

    static let utc = (from: "2026-10-12T00:00:00Z", to: "2026-11-16T00:00:00Z")
    /// Monday to Monday in Chicago, the second Monday after its clocks went back.
    static let chicago = (from: "2026-10-12T00:00:00-05:00", to: "2026-11-16T00:00:00-06:00")
}
