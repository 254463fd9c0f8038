/// Whether a mobile team can take a dispatch (SPEC §4). `busy` is set and cleared by dispatches
/// only; a team reports the others itself.
public enum TeamStatus: String, Vocabulary {
    case available, busy
    case offDuty = "off_duty"
    case outOfService = "out_of_service"
}

/// The statuses a team may report with `POST /v1/teams/{id}/status`.
public enum ReportedTeamStatus: String, Vocabulary {
    case available
    case offDuty = "off_duty"
    case outOfService = "out_of_service"

    public var status: TeamStatus {
        switch self {
        case .available: .available
        case .offDuty: .offDuty
        case .outOfService: .outOfService
        }
    }
}
