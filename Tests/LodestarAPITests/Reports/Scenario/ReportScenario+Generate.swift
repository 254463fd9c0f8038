import JSON

extension ReportScenario {
    /// The first and last instants contacts are received in: a few days either side of the
    /// windows the tests ask for, so that some records fall outside them.
    static let spanStart = ms("2026-10-09T00:00:00Z")
    static let spanEnd = ms("2026-11-19T00:00:00Z")

    /// Receipts placed on purpose: the UTC window's bounds (the first in, the second out),
    /// either side of midnight in Chicago before and after its clocks go back, in the hour that
    /// happens twice, and on the evening a UTC day and a Chicago day disagree.
    static let pinnedReceipts = [
        "2026-10-12T00:00:00Z", "2026-11-16T00:00:00Z",
        "2026-10-12T04:59:59Z", "2026-10-12T05:00:00Z",
        "2026-11-01T04:30:00Z", "2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z", "2026-11-01T07:30:00Z",
        "2026-11-02T05:30:00Z", "2026-11-02T06:30:00Z", "2026-11-16T05:59:59Z", "2026-11-16T06:00:00Z",
        "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z", "2026-10-31T23:30:00Z",
    ]

    /// The assessment as an event.
    static func assessed(_ contact: Contact) -> JSONValue? {
        contact.assessment.map { assessment in
            ["event_id": .string("\(contact.id)-assessed"), "type": "contact.assessed", "contact_id": .string(contact.id),
             "occurred_at": .string(text(assessment.at)), "data": ["risk_level": .string(assessment.risk)]]
        }
    }

    /// `count` contacts (and the pinned ones), with dispatches and follow-ups, from `seed`.
    static func generate(count: Int, seed: UInt64, prefix: String) -> ReportScenario {
        var random = ScenarioRandom(seed: seed)
        var scenario = ReportScenario()
        let receipts = pinnedReceipts.map(ms) + (0..<count).map { _ in random.int(spanStart...(spanEnd - 1)) }
        for (index, receivedAt) in receipts.enumerated() {
            scenario.contacts.append(makeContact(id: "\(prefix)-\(index)", receivedAt: receivedAt, random: &random))
        }
        for index in scenario.contacts.indices {
            if random.chance(0.32) { scenario.addDispatches(contact: index, random: &random) }
            if random.chance(0.4) { scenario.addFollowUp(contact: index, random: &random) }
        }
        return scenario
    }

    private static func makeContact(id: String, receivedAt: Int64, random: inout ScenarioRandom) -> Contact {
        var contact = Contact(
            id: id, receivedAt: receivedAt,
            channel: random.pick([("call", 6), ("text", 3), ("chat", 2)]),
            line: random.pick([("988", 12), ("veterans", 3), ("spanish", 2), (nil, 3)]),
            region: random.pick([("north", 7), ("south", 5), ("east", 3), (undescribedRegion, 2), (nil, 3)]),
            language: random.pick([(nil, 14), ("es", 3), ("en", 2), ("vi", 1)]),
            age: random.chance(0.2) ? nil : Int(random.int(11...84)),
            race: random.pick([(nil, 5), ("white", 6), ("black", 4), ("hispanic", 3), ("asian", 2)]),
            answeredAt: nil, abandoned: false)
        var sequence = 0
        func event(_ type: String, _ at: Int64, _ data: JSONValue?) {
            sequence += 1
            var members: [(String, JSONValue)] = [
                ("event_id", .string("\(id)-\(sequence)")), ("type", .string(type)),
                ("contact_id", .string(id)), ("occurred_at", .string(text(at))),
            ]
            if let data { members.append(("data", data)) }
            contact.events.append(.object(JSONObject(members)))
        }
        var received: [(String, JSONValue)] = [("channel", .string(contact.channel))]
        if let line = contact.line { received.append(("line", .string(line))) }
        if let region = contact.region { received.append(("region", .string(region))) }
        if let language = contact.language { received.append(("language", .string(language))) }
        var caller: [(String, JSONValue)] = []
        if let age = contact.age { caller.append(("age", .int(Int64(age)))) }
        if let race = contact.race { caller.append(("race_ethnicity", .string(race))) }
        if !caller.isEmpty { received.append(("caller", .object(JSONObject(caller)))) }
        event("contact.received", receivedAt, .object(JSONObject(received)))

        // A later receipt (a transfer between lines) restates channel and region: those follow it.
        if random.chance(0.08) {
            contact.channel = contact.channel == "call" ? "chat" : "call"
            contact.region = contact.region == "north" ? "east" : "north"
            event("contact.received", receivedAt + random.int(1...15) * minute,
                  ["channel": .string(contact.channel), "region": .string(contact.region!)])
        }
        if random.chance(0.8) {
            // Mostly within the target; some exactly on it (which counts as within).
            let delay = random.chance(0.05) ? answerTargetSeconds * 1000 : random.int(800...65_000)
            contact.answeredAt = receivedAt + delay
            // Abandoned first, then answered after all: not an abandoned contact.
            if random.chance(0.06) { event("contact.abandoned", receivedAt + delay / 2, nil) }
            event("contact.answered", receivedAt + delay, ["counselor_id": "c-7"])
            if random.chance(0.1) { event("contact.answered", receivedAt + delay + random.int(1_000...90_000), nil) }
        } else if random.chance(0.75) {
            contact.abandoned = true
            event("contact.abandoned", receivedAt + random.int(3_000...240_000), nil)
        }
        // Half are assessed: at low risk under the default ruleset, or later at low or moderate
        // risk under one that randomises moderate risk between two arms (neither makes a
        // dispatch or a follow-up, so routing adds decisions only).
        if random.chance(0.5) {
            let phase = random.chance(0.4) ? 1 : 2
            contact.assessment = Assessment(at: receivedAt + random.int(2...20) * minute,
                                            risk: phase == 1 ? "low" : random.pick([("moderate", 6), ("low", 4)]), phase: phase)
        }
        if random.chance(0.5) {
            event("contact.closed", receivedAt + random.int(5...50) * minute, ["disposition": "resolved"])
        }
        return contact
    }
}
