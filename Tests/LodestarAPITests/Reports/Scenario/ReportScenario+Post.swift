import JSON
import Testing

/// Posting a scenario through the API, as the call centre, the dispatchers and the admin would.
extension ReportScenario {
    struct PostFailure: Error, CustomStringConvertible { var description: String }

    /// A ruleset that randomises moderate risk between two arms and resolves everything by
    /// phone, making no dispatch and no follow-up.
    static let experimentRuleset: JSONValue = [
        "name": "report arms",
        "rules": [
            ["id": "moderate", "when": ["fact": "risk_level", "op": "eq", "value": "moderate"],
             "then": ["experiment": ["id": "report-arms", "arms": [
                ["name": "early", "weight": 1, "then": ["action": "resolve_by_phone"]],
                ["name": "late", "weight": 1, "then": ["action": "resolve_by_phone"]],
             ]]]],
            ["id": "default", "when": ["all": []], "then": ["action": "resolve_by_phone"]],
        ],
    ]

    /// Regions and teams, then every event (shuffled, in batches, some twice) with the first
    /// assessments, a new ruleset activated and the other assessments, then dispatches (one
    /// sequence per team, since a team takes one dispatch at a time) and follow-ups. Each
    /// assessed contact learns its ruleset version and experiment arm from its decision.
    mutating func post(to fixture: ServerFixture, seed: UInt64) async throws {
        let server = fixture.server
        for region in Self.regions {
            var body: [(String, JSONValue)] = [("name", .string(region.code)), ("type", .string(region.type)), ("timezone", .string(region.timeZone))]
            if let target = region.target { body.append(("response_target_minutes", .int(Int64(target)))) }
            try Self.expect(try await server.request("PUT", "/v1/regions/\(region.code)", token: fixture.token("admin"), json: .object(JSONObject(body))), 201)
        }
        for team in Self.teams {
            try Self.expect(try await server.request("PUT", "/v1/teams/\(team)", token: fixture.token("admin"), json: [
                "name": .string(team), "capabilities": ["clinician"], "regions": [], "base": ["lat": 41.9, "lon": -87.6],
            ]), 201)
            try Self.expect(try await server.request("POST", "/v1/teams/\(team)/status", token: fixture.token("dispatcher"), json: ["status": "available"]), 200)
        }
        var random = ScenarioRandom(seed: seed ^ 0x5eed)
        let first = contacts.compactMap { $0.assessment?.phase == 1 ? Self.assessed($0) : nil }
        var decisions = try await postEvents(contacts.flatMap(\.events) + first, fixture, random: &random)
        let created = try await fixture.server.request("POST", "/v1/rulesets", token: fixture.token("admin"), json: Self.experimentRuleset)
        try Self.expect(created, 201)
        let version = try #require(created.json?["version"]?.intValue)
        try Self.expect(try await fixture.server.request("POST", "/v1/rulesets/\(version)/activate", token: fixture.token("admin")), 200)
        decisions.merge(try await postEvents(contacts.compactMap { $0.assessment?.phase == 2 ? Self.assessed($0) : nil }, fixture,
                                             random: &random)) { $1 }
        for index in contacts.indices where contacts[index].assessment != nil {
            guard let decision = decisions["\(contacts[index].id)-assessed"] else { throw PostFailure(description: "no decision for an assessment") }
            contacts[index].rulesetVersion = decision["ruleset_version"]?.intValue
            contacts[index].arm = decision["experiment"]?["arm"]?.stringValue
        }
        let scenario = self
        try await Self.inLanes(dispatchLanes) { lane in
            for index in lane { try await scenario.postDispatch(scenario.dispatches[index], fixture) }
        }
        try await Self.inLanes(followUps.indices.reduce(into: [[Int]](repeating: [], count: 4)) { $0[$1 % 4].append($1) }) { lane in
            for index in lane { try await scenario.postFollowUp(scenario.followUps[index], fixture) }
        }
    }

    /// Every event once, in a random order, in batches of 200; a twentieth of them again in
    /// later batches (some twice in one batch) and one whole batch posted twice: duplicates.
    /// Returns the decisions the assessments got, by event id.
    private func postEvents(_ events: [JSONValue], _ fixture: ServerFixture, random: inout ScenarioRandom) async throws -> [String: JSONValue] {
        let events = random.shuffled(events)
        var batches = stride(from: 0, to: events.count, by: 200).map { Array(events[$0..<min($0 + 200, events.count)]) }
        for event in events where random.chance(0.05) {
            let batch = Int(random.int(0...Int64(batches.count - 1)))
            batches[batch].insert(event, at: Int(random.int(0...Int64(batches[batch].count))))
        }
        batches.append(batches[0])
        var accepted = 0
        var decisions: [String: JSONValue] = [:]
        for batch in batches {
            let response = try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"), json: ["events": .array(batch)])
            try Self.expect(response, 200)
            accepted += Int(response.json?["accepted"]?.intValue ?? 0)
            for result in response.json?["results"]?.arrayValue ?? [] {
                if let id = result["event_id"]?.stringValue, let decision = result["decision"] { decisions[id] = decision }
            }
        }
        guard accepted == events.count else { throw PostFailure(description: "\(accepted) events accepted of \(events.count)") }
        return decisions
    }

    /// The dispatches each team handles, in turn, and those no team takes, by themselves.
    private var dispatchLanes: [[Int]] {
        var lanes: [String: [Int]] = [:]
        for (index, dispatch) in dispatches.enumerated() { lanes[dispatch.team ?? "", default: []].append(index) }
        return Array(lanes.values)
    }

    private func postDispatch(_ dispatch: Dispatch, _ fixture: ServerFixture) async throws {
        var body: [(String, JSONValue)] = [("contact_id", .string(contacts[dispatch.contact].id)), ("at", .string(Self.text(dispatch.requestedAt)))]
        // Nobody has `medical`: such a dispatch stays queued.
        body.append(("requires", dispatch.team == nil ? ["medical"] : ["clinician"]))
        if let team = dispatch.team { body.append(("team_id", .string(team))) }
        let created = try await fixture.server.request("POST", "/v1/dispatches", token: fixture.token("dispatcher"), json: .object(JSONObject(body)))
        try Self.expect(created, 201)
        guard let id = created.json?["id"]?.intValue, created.json?["team_id"]?.stringValue == dispatch.team else {
            throw PostFailure(description: "dispatch created as \(created.text)")
        }
        for step in dispatch.steps {
            var body: [(String, JSONValue)] = [("type", .string(step.type)), ("at", .string(Self.text(step.at)))]
            if let outcome = step.outcome { body.append(("outcome", .string(outcome))) }
            if let lawEnforcement = step.lawEnforcement { body.append(("law_enforcement_involved", .bool(lawEnforcement))) }
            try Self.expect(try await fixture.server.request("POST", "/v1/dispatches/\(id)/events", token: fixture.token("dispatcher"),
                                                              json: .object(JSONObject(body))), 200)
        }
    }

    private func postFollowUp(_ followUp: FollowUp, _ fixture: ServerFixture) async throws {
        var body: [(String, JSONValue)] = [("contact_id", .string(contacts[followUp.contact].id)), ("at", .string(Self.text(followUp.createdAt)))]
        if let within = followUp.within { body.append(("within", .string(within))) } else { body.append(("due_at", .string(Self.text(followUp.dueAt)))) }
        let created = try await fixture.server.request("POST", "/v1/follow-ups", token: fixture.token("dispatcher"), json: .object(JSONObject(body)))
        try Self.expect(created, 201)
        guard let id = created.json?["id"]?.stringValue, created.json?["due_at"]?.stringValue == Self.text(followUp.dueAt) else {
            throw PostFailure(description: "follow-up created as \(created.text)")
        }
        for attempt in followUp.attempts {
            let response = try await fixture.server.request("POST", "/v1/follow-ups/\(id)/attempts", token: fixture.token("dispatcher"),
                                                            json: ["at": .string(Self.text(attempt.at)), "outcome": .string(attempt.outcome)])
            try Self.expect(response, 200)
        }
        let read = try await fixture.server.request("GET", "/v1/follow-ups/\(id)", token: fixture.token("dispatcher"))
        guard read.json?["status"]?.stringValue == followUp.status else {
            throw PostFailure(description: "follow-up ended \(read.json?["status"]?.stringValue ?? "?"), expected \(followUp.status)")
        }
    }

    private static func expect(_ response: APIResponse, _ status: Int) throws {
        guard response.status == status else { throw PostFailure(description: "status \(response.status): \(response.text)") }
    }

    /// Runs `body` for every lane at once.
    private static func inLanes(_ lanes: [[Int]], _ body: @escaping @Sendable ([Int]) async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in lanes { group.addTask { try await body(lane) } }
            try await group.waitForAll()
        }
    }
}
