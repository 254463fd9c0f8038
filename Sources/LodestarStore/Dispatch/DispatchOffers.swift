import JSON
public import LodestarCore
public import Loop
import Postgres
import Time

/// Offers the available teams to queued dispatches whose contact moved (SPEC §4: a dispatch
/// waits only while no fitting team is available).
///
/// The queue is otherwise offered when a team becomes available (`DispatchQueueOffer`). When
/// a contact's region or location changes instead, or its first event arrives after its
/// dispatch, the writer's transaction lists the queued dispatch in `dispatch_offers` and
/// notifies (`sql/017_dispatch_offers.sql`); a notification or this process's periodic look
/// starts a pass, which takes the listed dispatches under `DispatchLock` and gives each the
/// team a new request would get now, highest priority and oldest first.
@LoopActor
public final class DispatchOffers {
    static let channel = "lodestar_dispatch_offer"
    /// How often each process looks for offers whose notification it missed (a lost listening
    /// connection, a process that stopped between commit and pass).
    private static let periodicLook: Duration = .seconds(5)

    private let pool: PostgresPool
    private let eta: ETAModel
    private let appends: ChangeAppends
    private var passes = Coalesced()
    private var tasks: [Task<Void, Never>] = []
    private var timer: LoopTimer?

    init(pool: PostgresPool, eta: ETAModel, appends: ChangeAppends) {
        self.pool = pool
        self.eta = eta
        self.appends = appends
    }

    /// Starts listening (retrying while the database is down) and the periodic look.
    public func start() {
        guard tasks.isEmpty else { return }
        tasks.append(EventLoop.shared.task { [weak self] in await self?.listen() })
        timer = LoopTimer.housekeeping(every: Self.periodicLook) { [weak self] in self?.requestPass(onlyIfListed: true) }
    }

    public func stop() {
        for task in tasks { task.cancel() }
        tasks = []
        timer?.close()
        timer = nil
    }

    private func listen() async {
        await followNotifications({ try await pool.notifications(channel: Self.channel) },
                                  listening: { requestPass(onlyIfListed: true) },
                                  each: { _ in requestPass(onlyIfListed: false) })
    }

    /// Runs a pass now, or once more after the running one. `onlyIfListed` first looks, without
    /// the lock, whether anything is listed (the periodic look finds nothing nearly always).
    private func requestPass(onlyIfListed: Bool) {
        guard passes.request() else { return }
        _ = EventLoop.shared.task { [weak self] in
            var look = onlyIfListed
            repeat {
                guard let self else { return }
                _ = try? await self.offerListed(onlyIfListed: look)
                look = false
            } while self?.passes.finishPass() == true
        }
    }

    /// Takes the listed dispatches and assigns each that is still queued the best available
    /// team, if one fits; returns those assigned. A dispatch that no team fits stays queued for
    /// the next team that becomes available.
    @discardableResult
    public func offerListed(onlyIfListed: Bool = false) async throws -> [Dispatch] {
        if onlyIfListed, try await pool.query(Self.anyListed, []).first?[0].bool != true { return [] }
        let assigned: [Dispatch] = try await pool.transaction { tx in
            var first = PostgresBatch()
            first.add(DispatchLock.sql)
            let listed = first.add(Self.takeListed)
            let read = try await tx.execute(first)
            try read.check()
            var queued: [(dispatch: Dispatch, contact: DispatchPlanner.ContactFacts)] = []
            for row in try read.rows(listed) {
                let column = DispatchSQL.columnCount
                var contact = DispatchPlanner.ContactFacts(region: row[column].string)
                if let lat = row[column + 1].double, let lon = row[column + 2].double { contact.location = GeoPoint(lat: lat, lon: lon) }
                queued.append((try DispatchSQL.dispatch(row), contact))
            }
            // None still queued: the emptied list commits with the transaction.
            guard !queued.isEmpty else { return [] }
            var writes = DispatchWrites()
            let assigned = try await assign(queued, in: tx, writes: &writes)
            try await writes.commit(in: tx, eta: eta)
            return assigned
        }
        if !assigned.isEmpty { appends.committed() }
        return assigned
    }

    /// Each dispatch in queue order takes the best candidate not taken by one before it.
    private func assign(_ queued: [(dispatch: Dispatch, contact: DispatchPlanner.ContactFacts)], in tx: PostgresTransaction,
                        writes: inout DispatchWrites) async throws -> [Dispatch] {
        let planner = DispatchPlanner(eta: eta)
        var batch = PostgresBatch()
        let searches = queued.map { item in
            DispatchPlanner.addCandidateQuery(requires: item.dispatch.requires, contact: item.contact, limit: queued.count, to: &batch)
        }
        let results = try await tx.execute(batch)
        try results.check()
        let now = Timestamp(microseconds: WallClock.microsecondsSinceEpoch)
        var taken = Set<String>()
        var assigned: [Dispatch] = []
        for (item, search) in zip(queued, searches) {
            let candidates = try results.rows(search).map { try TeamSQL.team($0) }
            guard var team = candidates.first(where: { candidate in
                !taken.contains(candidate.id) && planner.fits(candidate, place: item.contact.location, maxETA: item.dispatch.maxETAMinutes)
            }) else { continue }
            var dispatch = item.dispatch
            let at = max(now, dispatch.requestedAt)
            let minutes = item.contact.location.map { eta.minutes(from: team.position, to: $0) }
            try dispatch.record(DispatchStep(.assigned(teamID: team.id, etaMinutes: minutes), at: at))
            team.change(to: .busy, at: max(at, team.statusAt ?? at))
            taken.insert(team.id)
            writes.write(dispatch)
            writes.write(team)
            writes.audit(AuditEntry(actor: "lodestar", action: "dispatch.assign", resource: "dispatch/\(dispatch.id)",
                                    detail: ["team_id": .string(team.id), "by": "queue"]))
            assigned.append(dispatch)
        }
        return assigned
    }

    static let anyListed = "SELECT EXISTS (SELECT 1 FROM dispatch_offers)"

    /// The listed dispatches still queued for the queue to assign, in queue order, with their
    /// contact's region and location; the list is emptied (under `DispatchLock`, so a pass in
    /// another process either took them before or sees none). The ids go through an array so
    /// that the few rows are fetched by key: joined to the deleted rows instead, the plan had no
    /// estimate of their number and hashed a scan of every contact (9 ms a pass under the
    /// routing benchmark, where assessments that overtake their contact's first event move it).
    static let takeListed = """
        WITH taken AS (DELETE FROM dispatch_offers RETURNING dispatch_id)
        SELECT \(DispatchSQL.qualifiedColumns), c.region, c.location_lat, c.location_lon
        FROM dispatches d LEFT JOIN LATERAL (SELECT region, location_lat, location_lon FROM contacts
                                             WHERE contact_id = d.contact_id) c ON true
        WHERE d.id = ANY(ARRAY(SELECT dispatch_id FROM taken)) AND d.status = 'requested' AND d.auto_assign
        ORDER BY d.priority_rank, d.requested_at, d.id
        """
}
