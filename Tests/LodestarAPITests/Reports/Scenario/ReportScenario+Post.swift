import JSON

/// Posting a scenario through the API, as the call centre, the dispatchers and the admin would.
extension ReportScenario {
    struct PostFailure: Error, CustomStringConvertible { var description: String }

    /// Regions and teams, then every event (shuffled, in batches, some twice), then dispatches
    /// (one sequence per team, since a team takes one dispatch at a time) and follow-ups.
    func post(to fixture: ServerFixture, seed: UInt64) async throws {
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
        try await postEvents(fixture, seed: seed)
        try await Self.inLanes(dispatchLanes) { lane in
            for index in lane { try await postDispatch(dispatches[index], fixture) }
        }
        try await Self.inLanes(stride(from: 0, to: followUps.count, by: 1).reduce(into: [[Int]](repeating: [], count: 4)) { $0[$1 % 4].append($1) }) { lane in
            for index in lane { try await postFollowUp(followUps[index], fixture) }
        }
    }

    /// Every event once, in a random order, in batches of 200; a twentieth of them again in
    /// later batches (some twice in one batch) and one whole batch posted twice: duplicates.
    private func postEvents(_ fixture: ServerFixture, seed: UInt64) async throws {
        var random = ScenarioRandom(seed: seed ^ 0x5eed)
        let events = random.shuffled(contacts.flatMap(\.events))
        var batches = stride(from: 0, to: events.count, by: 200).map { Array(events[$0..<min($0 + 200, events.count)]) }
        for event in events where random.chance(0.05) {
            let batch = Int(random.int(0...Int64(batches.count - 1)))
            batches[batch].insert(event, at: Int(random.int(0...Int64(batches[batch].count))))
        }
        batches.append(batches[0])
        var accepted = 0
        for batch in batches {
            let response = try await fixture.server.request("POST", "/v1/events", token: fixture.token("ingest"), json: ["events": .array(batch)])
            try Self.expect(response, 200)
            accepted += Int(response.json?["accepted"]?.intValue ?? 0)
        }
        guard accepted == events.count else { throw PostFailure(description: "\(accepted) events accepted of \(events.count)") }
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
