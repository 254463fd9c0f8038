import HTTP
import LodestarCore
import LodestarStore
import Logging
import Loop

/// What route handlers and the API's middleware need: settings, the stores and the authenticator.
@LoopActor
final class APIContext {
    let settings: APISettings
    let authenticator: Authenticator
    let events: EventStore
    let contacts: ContactStore
    let audit: AuditLog
    let indicators: IndicatorStore
    let followUps: FollowUpStore
    let database: Database
    let logger: Logger
    /// Whether migrations have been applied; `/readyz` and every `/v1` route wait for it.
    let schema = SchemaReadiness()

    init(settings: APISettings, database: Database, logger: Logger) {
        self.settings = settings
        self.database = database
        self.authenticator = Authenticator(tokens: database.tokens, ttl: settings.tokenCacheTTL)
        self.events = database.events
        self.contacts = database.contacts
        self.audit = database.audit
        self.indicators = database.indicators
        self.followUps = database.followUps
        self.logger = logger
    }
}

/// Limits and defaults of the API (SPEC §2: all configurable).
public struct APISettings: Sendable {
    public var maxEventsPerBatch: Int
    /// How long a token lookup is reused. A revocation is heard by every process as it
    /// commits; this bounds how long a token works after one that went unheard.
    public var tokenCacheTTL: Duration
    /// How often an idle `/v1/stream` sends a comment, so that proxies keep it open.
    public var streamHeartbeat: Duration
    /// Attempts that close a follow-up unreached, and the overdue sweep's interval.
    public var followUp = FollowUpSettings()
    /// A contact answered within this many seconds of being received counts as answered on
    /// target (SPEC §7, `answered_within_target_rate`).
    public var answerTargetSeconds: Double = 20
    /// How often live SPC signals are looked for, and in which zone's days and weeks.
    public var signals = SignalSettings()

    public init(maxEventsPerBatch: Int = 1000, tokenCacheTTL: Duration = .seconds(5), streamHeartbeat: Duration = .seconds(15)) {
        self.maxEventsPerBatch = maxEventsPerBatch
        self.tokenCacheTTL = tokenCacheTTL
        self.streamHeartbeat = streamHeartbeat
    }
}
