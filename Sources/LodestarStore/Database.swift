public import LodestarCore
public import Logging
public import Loop
import Postgres

/// Lodestar's database: the pool and the domain's stores over it.
@LoopActor
public final class Database {
    let pool: PostgresPool
    public let tokens: TokenStore
    public let events: EventStore
    public let contacts: ContactStore
    public let audit: AuditLog
    /// Board changes for the stream, and this process's live feed of them.
    public let changeLog: ChangeLog
    public let changeFeed: ChangeFeed
    public let followUps: FollowUpStore
    public let indicators: IndicatorStore
    public let signals: SignalStore
    public let rulesets: RulesetStore
    public let compiledRulesets: CompiledRulesets
    public let decisions: DecisionStore
    public let regions: RegionStore
    public let teams: TeamStore
    public let dispatches: DispatchStore
    /// Queued dispatches offered the teams again when their contact moves.
    public let dispatchOffers: DispatchOffers

    private init(pool: PostgresPool, maxEventsPerContact: Int, eta: ETAModel) {
        self.pool = pool
        tokens = TokenStore(pool: pool)
        contacts = ContactStore(pool: pool)
        audit = AuditLog(pool: pool)
        let appends = ChangeAppends()
        changeLog = ChangeLog(pool: pool)
        changeFeed = ChangeFeed(log: changeLog, appends: appends)
        followUps = FollowUpStore(pool: pool, appends: appends)
        indicators = IndicatorStore(pool: pool)
        signals = SignalStore(pool: pool, appends: appends)
        rulesets = RulesetStore(pool: pool)
        compiledRulesets = CompiledRulesets(store: rulesets)
        events = EventStore(pool: pool, maxEventsPerContact: maxEventsPerContact,
                            routing: IngestRouting(eta: eta, rulesets: compiledRulesets, appends: appends))
        decisions = DecisionStore(pool: pool)
        regions = RegionStore(pool: pool)
        teams = TeamStore(pool: pool, eta: eta, appends: appends)
        dispatches = DispatchStore(pool: pool, eta: eta, appends: appends)
        dispatchOffers = DispatchOffers(pool: pool, eta: eta, appends: appends)
    }

    /// A pool to the database at `connectionString` (a libpq connection string). Connections
    /// are made on demand, so this succeeds even while the database is down. Eight: up to four
    /// ingest transactions in flight, and the rest for reads and other writes.
    /// `maxEventsPerContact` bounds what one contact may cost (beyond it a post is refused);
    /// `eta` estimates how long teams take to reach contacts; `logger` hears the pool's losses
    /// and recoveries of its connections (none when nil).
    public static func open(connectionString: String, poolSize: Int = 8, maxEventsPerContact: Int = 10_000,
                            eta: ETAModel = ETAModel(), logger: Logger? = nil) -> Database {
        var configuration = PostgresPoolConfiguration(conninfo: connectionString, size: poolSize)
        if let logger { configuration.logger = logger }
        return Database(pool: PostgresPool(configuration: configuration), maxEventsPerContact: maxEventsPerContact, eta: eta)
    }

    /// Applies pending migrations from `directory`, then gives a new install the default
    /// routing ruleset (`rules/default.json`) as version 1, active; returns the names applied.
    public func migrate(directory: String) async throws -> [String] {
        let applied = try await Migrator(directory: directory).migrate(pool).map { $0.name }
        try await rulesets.installIfEmpty(document: Ruleset.default.document)
        return applied
    }

    /// True when the database answers a trivial query within `deadline` (for `/readyz`): a
    /// database that hangs is as unready as one that is down, and a load balancer's probe
    /// must get its answer in time (the query itself is given up by the pool's answer timeout).
    public func isReachable(within deadline: Duration = .seconds(5)) async -> Bool {
        let pool = self.pool
        return await withCheckedContinuation { continuation in
            let answer = FirstAnswer(continuation)
            let timer = LoopTimer()
            timer.start(after: deadline) {
                timer.close()
                answer.give(false)
            }
            EventLoop.shared.task {
                let reachable = (try? await pool.ping()) != nil
                if !timer.isClosed { timer.close() }
                answer.give(reachable)
            }
        }
    }

    /// Closes every connection.
    public func close() {
        changeFeed.stop()
        dispatchOffers.stop()
        pool.close()
    }
}

/// Resumes a continuation with the first answer given; later ones are dropped.
@LoopActor
private final class FirstAnswer {
    private var continuation: CheckedContinuation<Bool, Never>?

    init(_ continuation: CheckedContinuation<Bool, Never>) { self.continuation = continuation }

    func give(_ answer: Bool) {
        continuation?.resume(returning: answer)
        continuation = nil
    }
}
