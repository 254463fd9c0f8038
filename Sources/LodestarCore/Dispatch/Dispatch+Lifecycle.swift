extension Dispatch {
    /// Records `step` if it may follow the current status, no earlier than the previous step;
    /// otherwise throws and leaves the dispatch unchanged. Completion and cancellation of a
    /// dispatch that holds a team release the team.
    @discardableResult
    public mutating func record(_ step: DispatchStep) throws(DispatchStepRejected) -> DispatchStepEffect {
        try allow(step.type)
        let previous = lastStepAt
        guard step.at >= previous else { throw .earlierThanPreviousStep(previous: previous) }

        var effect = DispatchStepEffect()
        switch step.kind {
        case .assigned(let team, let eta):
            teamID = team
            etaMinutes = eta
            assignedAt = step.at
            effect.teamTaken = team
        case .enRoute:
            enRouteAt = step.at
        case .onScene:
            onSceneAt = step.at
        case .completed(let outcome):
            completedAt = step.at
            self.outcome = outcome
            effect.teamReleased = teamID
        case .cancelled:
            cancelledAt = step.at
            if status.holdsTeam { effect.teamReleased = teamID }
        }
        if let involved = step.lawEnforcementInvolved { lawEnforcementInvolved = involved }
        status = step.type.status
        return effect
    }

    /// Throws `.notAllowed`, naming the steps that may follow, unless a step of `type` may
    /// follow the current status: checked before anything is done for the step (choosing a
    /// team for an `assigned` one).
    public func allow(_ type: DispatchStepType) throws(DispatchStepRejected) {
        let allowed = status.allowedSteps
        guard allowed.contains(type) else { throw .notAllowed(status: status, allowed: allowed) }
    }
}
