import LodestarCore

extension Indicator {
    /// The indicator's name in rendered pages, with its unit where it has one.
    var title: String {
        switch self {
        case .contactsOffered: "Contacts offered"
        case .contactsAnswered: "Contacts answered"
        case .answerRate: "Answer rate"
        case .abandonmentRate: "Abandonment rate"
        case .speedToAnswerSeconds: "Speed to answer (s)"
        case .answeredWithinTargetRate: "Answered within target"
        case .dispatches: "Dispatches"
        case .dispatchResponseMinutes: "Dispatch response (min)"
        case .dispatchWithinTargetRate: "On scene within target"
        case .communityStabilizationRate: "Stabilised in community"
        case .lawEnforcementInvolvementRate: "Law enforcement involved"
        case .contactToSceneMinutes: "Contact to scene (min)"
        case .followUpsCreated: "Follow-ups created"
        case .followUpCompletionRate: "Follow-ups completed"
        case .followUpOnTimeRate: "Follow-ups on time"
        case .followUpFirstAttemptHours: "First follow-up attempt (h)"
        }
    }
}

extension GroupDimension {
    /// The dimension's column heading in rendered pages.
    var title: String {
        switch self {
        case .region: "Region"
        case .channel: "Channel"
        case .line: "Line"
        case .language: "Language"
        case .ageGroup: "Age group"
        case .raceEthnicity: "Race/ethnicity"
        case .team: "Team"
        case .experimentArm: "Experiment arm"
        case .rulesetVersion: "Ruleset version"
        case .day: "Day"
        case .week: "Week of"
        case .month: "Month of"
        }
    }
}

extension GroupKey {
    /// The group's values joined for a chart label or heading; a missing attribute is
    /// "(none)", no grouping at all "All".
    var label: String {
        values.isEmpty ? "All" : values.map { $0?.text ?? "(none)" }.joined(separator: " · ")
    }
}
