public import LodestarCore

/// No dispatch has this id (404).
public struct DispatchNotFound: Error, Sendable {}

/// No team has this id (404): the team a request names, or the team of a path.
public struct TeamNotFound: Error, Sendable {
    public var teamID: String
}

/// The named team cannot take a dispatch: it is busy, off duty or out of service (409).
public struct TeamNotAvailable: Error, Sendable {
    public var teamID: String
    public var status: TeamStatus
}

/// A team's report refused because it holds an open dispatch (409), naming that dispatch.
public struct TeamBusy: Error, Sendable {
    public var teamID: String
    public var dispatchID: Int64?
}

/// An `assigned` step that names no team found none available that fits the dispatch (409); the
/// dispatch stays requested.
public struct NoTeamAvailable: Error, Sendable {}
