extension ReportScenario {
    static let outcomes = ["stabilized_in_community", "transported_voluntary", "transported_involuntary",
                           "referred", "law_enforcement_custody", "other"]

    /// One dispatch for the contact, sometimes a second later on, each taken through one of
    /// the lifecycle's paths.
    mutating func addDispatches(contact: Int, random: inout ScenarioRandom) {
        var requestedAt = contacts[contact].receivedAt + random.int(2...45) * Self.minute
        for _ in 0..<(random.chance(0.15) ? 2 : 1) {
            dispatches.append(Self.makeDispatch(contact: contact, requestedAt: requestedAt,
                                                target: Self.responseTarget(region: contacts[contact].region),
                                                teamIndex: dispatches.count, random: &random))
            requestedAt += random.int(20...300) * Self.minute
        }
    }

    private static func makeDispatch(contact: Int, requestedAt: Int64, target: Int, teamIndex: Int,
                                     random: inout ScenarioRandom) -> Dispatch {
        enum Path { case queued, queuedThenCancelled, cancelledAssigned, cancelledEnRoute, completed, completedNoOutcome, cancelledOnScene }
        let path = random.pick([(Path.queued, 6), (.queuedThenCancelled, 5), (.cancelledAssigned, 6), (.cancelledEnRoute, 4),
                                (.completed, 60), (.completedNoOutcome, 6), (.cancelledOnScene, 8)])
        var dispatch = Dispatch(contact: contact, team: teams[teamIndex % teams.count], requestedAt: requestedAt, steps: [])
        var at = requestedAt
        func step(_ type: String, after minutes: ClosedRange<Int64>, outcome: String? = nil, lawEnforcement: Bool? = nil) {
            at += random.int(minutes.lowerBound * 60...minutes.upperBound * 60) * 1000
            dispatch.steps.append(Step(type: type, at: at, outcome: outcome, lawEnforcement: lawEnforcement))
        }
        switch path {
        case .queued:
            dispatch.team = nil
        case .queuedThenCancelled:
            dispatch.team = nil
            step("cancelled", after: 5...90)
        case .cancelledAssigned:
            step("cancelled", after: 1...20)
        case .cancelledEnRoute:
            step("en_route", after: 1...8)
            step("cancelled", after: 3...40)
        case .completed, .completedNoOutcome, .cancelledOnScene:
            step("en_route", after: 1...8)
            // On scene from request: some exactly on the region's target (on time).
            let response = random.chance(0.06) ? Int64(target) * Self.minute : random.int(12 * 60...170 * 60) * 1000
            at = max(at, requestedAt + response)
            dispatch.steps.append(Step(type: "on_scene", at: at))
            if path == .cancelledOnScene {
                step("cancelled", after: 5...30)
            } else {
                let lawEnforcement = random.pick([(Optional(true), 2), (false, 6), (nil, 2)])
                step("completed", after: 15...120, outcome: path == .completed ? random.pick(Self.outcomes.map { ($0, 1) }) : nil,
                     lawEnforcement: lawEnforcement)
            }
        }
        return dispatch
    }

    /// A follow-up for the contact: created soon after it (some days later), due within a day
    /// or three or at a stated time, with the attempts of one of the paths a follow-up takes.
    mutating func addFollowUp(contact: Int, random: inout ScenarioRandom) {
        let createdAt = contacts[contact].receivedAt
            + (random.chance(0.1) ? random.int(2 * 24 * 60...4 * 24 * 60) : random.int(5...90)) * Self.minute
        let within = random.pick([(Optional("PT24H"), 4), ("PT72H", 3), (nil, 3)])
        let dueAt = createdAt + (within == "PT24H" ? Self.day : within == "PT72H" ? 3 * Self.day : random.int(2...48) * Self.hour)
        var followUp = FollowUp(contact: contact, createdAt: createdAt, dueAt: dueAt, within: within, attempts: [])
        enum Path { case none, reached, reachedOnDue, unsuccessfulThenReached, declined, unableToReach, stillTrying }
        let path = random.pick([(Path.none, 15), (.reached, 30), (.reachedOnDue, 6), (.unsuccessfulThenReached, 15),
                                (.declined, 8), (.unableToReach, 16), (.stillTrying, 10)])
        var at = createdAt
        func attempt(_ outcome: String, after hours: ClosedRange<Int64>) {
            at += random.int(hours.lowerBound * 60...hours.upperBound * 60) * Self.minute
            followUp.attempts.append(Attempt(at: at, outcome: outcome))
        }
        let unsuccessful = ["no_answer", "left_message", "wrong_number"]
        switch path {
        case .none: break
        case .reached: attempt("reached", after: 1...60)
        case .reachedOnDue: followUp.attempts.append(Attempt(at: dueAt, outcome: "reached"))
        case .unsuccessfulThenReached:
            attempt(unsuccessful[Int(random.int(0...2))], after: 1...20)
            attempt("reached", after: 1...40)
        case .declined: attempt("declined", after: 1...30)
        case .unableToReach:
            for _ in 0..<3 { attempt(unsuccessful[Int(random.int(0...2))], after: 1...24) }
        case .stillTrying:
            for _ in 0..<(random.chance(0.5) ? 1 : 2) { attempt(unsuccessful[Int(random.int(0...2))], after: 1...24) }
        }
        followUps.append(followUp)
    }
}
