extension Dispatch {
    /// Records `step` if it may follow the current status, no earlier than the previous step;
    /// otherwise throws and leaves the dispatch unchanged. Completion and cancellation of a
    /// dispatch that holds a team release the team.
    @discardableResult
    public mutating func record(_ step: DispatchStep) throws(DispatchStepRejected) -> DispatchStepEffect {
        let allowed = status.allowedSteps
        guard allowed.contains(step.type) else { throw .notAllowed(status: status, allowed: allowed) }
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
}
