/// One `NOTIFY` received on a channel this process listens on.
public struct PostgresNotification: Sendable, Hashable {
    public var channel: String
    public var payload: String
    /// The server process that sent it (equal to ours for our own notifications).
    public var backendPID: Int32

    public init(channel: String, payload: String, backendPID: Int32) {
        self.channel = channel
        self.payload = payload
        self.backendPID = backendPID
    }
}

extension PostgresNotification {
    /// The `backendPID` of the marker a listener yields after reconnecting: notifications
    /// may have been missed, so re-read whatever the channel announces.
    public static let reconnectedPID: Int32 = -1

    /// True for that marker.
    public var isReconnectMarker: Bool { backendPID == Self.reconnectedPID }
}
