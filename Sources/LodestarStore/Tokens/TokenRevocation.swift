import Postgres

/// What a serving process hears of token revocations.
public enum TokenRevocation: Sendable, Equatable {
    /// The live token of this name was revoked (`lodestar token revoke`).
    case revoked(name: String)
    /// The listening connection was lost and made again: revocations in between went unheard.
    case mayHaveMissed

    init(_ notification: PostgresNotification) {
        self = notification.isReconnectMarker ? .mayHaveMissed : .revoked(name: notification.payload)
    }
}
